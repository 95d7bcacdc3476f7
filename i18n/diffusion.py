"""Lab 2 (Stable Diffusion) strings, all under the ``sd.`` prefix: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- models, generation, samplers, PNG info (services) -----------------------------------------
    # --- models ---------------------------------------------------------------------------------------
    "sd.err.source": ("Невідоме джерело моделі: «{source}».", "Unknown model source: “{source}”."),
    "sd.err.hub_id": (
        "«{id}» не схоже на ідентифікатор Hugging Face: потрібно «власник/назва», "
        "наприклад stabilityai/sd-turbo.",
        "“{id}” does not look like a Hugging Face id: it should be “owner/name”, "
        "for example stabilityai/sd-turbo.",
    ),
    "sd.err.hub_offline": (
        "Не вдалося завантажити «{id}»: немає з'єднання з Hugging Face, а в кеші моделі ще немає. "
        "Завантажте її один раз, коли буде інтернет (далі вона працюватиме офлайн), "
        "або оберіть локальну папку, файл .safetensors чи демо-модель.",
        "Could not download “{id}”: Hugging Face cannot be reached and the model is not cached yet. "
        "Download it once with internet access (it then works offline), or choose a local folder, "
        "a .safetensors file or the tiny demo.",
    ),
    "sd.err.hub_not_found": (
        "На Hugging Face немає моделі «{id}». Перевірте написання (з урахуванням регістру).",
        "There is no model “{id}” on Hugging Face. Check the spelling (it is case-sensitive).",
    ),
    "sd.err.hub_gated": (
        "Модель «{id}» доступна лише після прийняття ліцензії на її сторінці Hugging Face і входу "
        "з токеном (змінна середовища HF_TOKEN).",
        "The model “{id}” is gated: accept its licence on its Hugging Face page and sign in with a "
        "token (the HF_TOKEN environment variable).",
    ),
    "sd.err.bad_model": (
        "Не вдалося завантажити модель «{name}»: {detail}",
        "Could not load the model “{name}”: {detail}",
    ),
    "sd.err.no_folder": (
        "Папку моделі «{path}» не знайдено або в ній немає model_index.json. Вкажіть папку, "
        "збережену diffusers (save_pretrained), на машині, де працює GenLab.",
        "The model folder “{path}” does not exist or has no model_index.json. Give a folder saved "
        "by diffusers (save_pretrained) on the machine running GenLab.",
    ),
    "sd.err.bad_folder": (
        "Папка «{path}» не є справною моделлю Stable Diffusion: {detail}",
        "The folder “{path}” is not a working Stable Diffusion model: {detail}",
    ),
    "sd.err.not_safetensors": (
        "«{path}»: потрібен файл .safetensors (файли .ckpt/.pt можуть містити виконуваний код, "
        "тому не відкриваються).",
        "“{path}”: a .safetensors file is needed (.ckpt/.pt files can carry executable code, so they "
        "are not opened).",
    ),
    "sd.err.no_file": ("Файл «{path}» не знайдено.", "The file “{path}” was not found."),
    "sd.err.bad_file": (
        "Файл «{path}» не вдалося прочитати як контрольну точку Stable Diffusion: {detail}",
        "The file “{path}” could not be read as a Stable Diffusion checkpoint: {detail}",
    ),
    "sd.err.single_file_offline": (
        "Щоб відкрити «{path}», diffusers потрібні конфігурації компонентів моделі, а Hugging Face "
        "недоступний і в кеші їх немає. Відкрийте файл один раз з інтернетом або вкажіть у полі "
        "«Папка з конфігурацією» локальну папку diffusers тієї самої архітектури.",
        "To open “{path}”, diffusers needs the model's component configs, but Hugging Face cannot be "
        "reached and they are not cached. Open the file once with internet access, or give a local "
        "diffusers folder of the same architecture in the “Config folder” field.",
    ),
    "sd.err.no_config": (
        "Конфігурацію «{path}» не знайдено: вкажіть локальну папку diffusers (з model_index.json) "
        "або ідентифікатор моделі на Hugging Face («власник/назва»).",
        "The config “{path}” was not found: give a local diffusers folder (with model_index.json) "
        "or a Hugging Face model id (“owner/name”).",
    ),
    "sd.err.out_of_memory": (
        "Забракло пам'яті для зображення {width}×{height}. Зменште розмір або розмір пакета.",
        "Out of memory for a {width}×{height} image. Lower the size or the batch size.",
    ),
    # --- the request ----------------------------------------------------------------------------------
    "sd.err.mode": ("Невідомий режим генерації: «{mode}».", "Unknown generation mode: “{mode}”."),
    "sd.err.empty_prompt": (
        "Підказка порожня: опишіть, що намалювати.",
        "The prompt is empty: describe what to draw.",
    ),
    "sd.err.size_multiple": (
        "Ширина й висота мають бути кратні 8, а {value} — ні.",
        "Width and height must be multiples of 8; {value} is not.",
    ),
    "sd.err.size_range": (
        "Сторона {value} px поза межами {lo}–{hi} px.",
        "A side of {value} px is outside {lo}–{hi} px.",
    ),
    "sd.err.steps": (
        "Кількість кроків має бути від 1 до {max}, а не {value}.",
        "Steps must be between 1 and {max}, not {value}.",
    ),
    "sd.err.cfg": (
        "CFG scale має бути від {lo:g} до {hi:g}, а не {value}.",
        "CFG scale must be between {lo:g} and {hi:g}, not {value}.",
    ),
    "sd.err.batch_count": (
        "Кількість пакетів має бути від 1 до {max}, а не {value}.",
        "Batch count must be between 1 and {max}, not {value}.",
    ),
    "sd.err.batch_size": (
        "Розмір пакета має бути від 1 до {max}, а не {value}.",
        "Batch size must be between 1 and {max}, not {value}.",
    ),
    "sd.err.seed": (
        "Seed має бути від 0 до 4294967295 або −1 (випадковий), а не {value}.",
        "The seed must be between 0 and 4294967295, or −1 (random), not {value}.",
    ),
    "sd.err.need_image": (
        "Для img2img та inpainting потрібне початкове зображення.",
        "img2img and inpainting need an initial image.",
    ),
    "sd.err.need_mask": (
        "Для inpainting потрібна маска (біле — перемалювати).",
        "Inpainting needs a mask (white = repaint).",
    ),
    "sd.err.mask_size": (
        "Розмір маски {mask} не збігається з розміром зображення {image}.",
        "The mask is {mask} but the image is {image}: they must match.",
    ),
    "sd.err.strength": (
        "Сила знешумлення (denoising strength) має бути більшою за 0 і не більшою за 1, а не {value}.",
        "Denoising strength must be above 0 and at most 1, not {value}.",
    ),
    "sd.err.strength_steps": (
        "За {steps} кроків і сили {strength} не лишається жодного кроку знешумлення: "
        "збільште кількість кроків або силу.",
        "{steps} steps at strength {strength} leave no denoising step: raise the steps or the strength.",
    ),
    "sd.err.sampler": (
        "Невідомий семплер «{name}». Доступні: {known}.",
        "Unknown sampler “{name}”. Available: {known}.",
    ),
    # --- LoRA -----------------------------------------------------------------------------------------
    "sd.err.bad_lora": (
        "«{path}» не схожий на файл LoRA (у ньому немає ваг lora).",
        "“{path}” does not look like a LoRA file (it holds no lora weights).",
    ),
    "sd.err.lora_load": (
        "LoRA «{path}» не підходить до цієї моделі: {detail}",
        "The LoRA “{path}” does not fit this model: {detail}",
    ),
    "sd.err.lora_weight": (
        "Вага LoRA має бути від {lo:g} до {hi:g}, а не {weight}.",
        "The LoRA weight must be between {lo:g} and {hi:g}, not {weight}.",
    ),
    # --- PNG info -------------------------------------------------------------------------------------
    "sd.err.not_png": (
        "Цей файл не вдалося відкрити як зображення PNG.",
        "This file could not be opened as a PNG image.",
    ),
    # --- the page ----------------------------------------------------------------------------------
    "sd.title": ("Лаб. 2 — Stable Diffusion", "Lab 2 — Stable Diffusion"),
    "sd.intro": (
        "Латентна дифузія: текстова підказка → шум у латентному просторі → покрокове "
        "видалення шуму (U-Net) → декодування VAE у зображення. Вкладки повторюють "
        "AUTOMATIC1111 WebUI, а вкладка «Експерименти» виконує три досліди методички: "
        "кроки й якість, стиль підказки, розмір і час генерації.",
        "Latent diffusion: text prompt → noise in latent space → step-by-step denoising "
        "(U-Net) → VAE decode into an image. The tabs mirror the AUTOMATIC1111 WebUI, and "
        "the Experiments tab runs the manual's three experiments: steps vs quality, prompt "
        "style, and size vs generation time.",
    ),
    # --- model ----------------------------------------------------------------------------------
    "sd.model.source": ("Модель", "Model"),
    "sd.model.src.tiny": ("Демо (крихітна)", "Tiny demo"),
    "sd.model.src.preset": ("Відомі моделі", "Known models"),
    "sd.model.src.hub": ("Hugging Face id", "Hugging Face id"),
    "sd.model.src.folder": ("Локальна папка", "Local folder"),
    "sd.model.src.file": ("Файл .safetensors", ".safetensors file"),
    "sd.model.tiny_help": (
        "Крихітний конвеєр Stable Diffusion з випадковими вагами: та сама архітектура "
        "(текстовий кодер, U-Net, VAE, планувальник), але ненавчена, тож замість картинок — "
        "кольоровий шум. Працює без інтернету за секунди: годиться, щоб виміряти час і "
        "відпрацювати експерименти. Для справжніх зображень оберіть навчену модель.",
        "A tiny Stable Diffusion pipeline with random weights: the same architecture (text "
        "encoder, U-Net, VAE, scheduler) but untrained, so it draws coloured noise, not "
        "pictures. Runs offline in seconds: good for timing and rehearsing the experiments. "
        "For real images pick a trained model.",
    ),
    "sd.model.building": (
        "Створюємо крихітну демо-модель (лише першого разу)…",
        "Building the tiny demo model (first time only)…",
    ),
    "sd.model.preset": ("Модель", "Model"),
    "sd.model.offline_note": (
        "Ваги завантажуються з Hugging Face під час першого використання (кілька ГБ) і далі "
        "беруться з кешу. Без доступу до мережі з'явиться зрозуміле повідомлення.",
        "Weights download from Hugging Face on first use (a few GB) and come from the cache "
        "afterwards. Without network access you get a clear message.",
    ),
    "sd.model.hub": ("Ідентифікатор моделі на Hugging Face", "Hugging Face model id"),
    "sd.model.hub_help": (
        "Наприклад stable-diffusion-v1-5/stable-diffusion-v1-5. Віддалений код ніколи не виконується.",
        "For example stable-diffusion-v1-5/stable-diffusion-v1-5. Remote code is never run.",
    ),
    "sd.model.folder": ("Папка моделі diffusers на сервері", "diffusers model folder on the server"),
    "sd.model.folder_help": (
        "Папка з model_index.json (як після save_pretrained) на машині, де працює GenLab.",
        "A folder with model_index.json (as written by save_pretrained) on the machine running GenLab.",
    ),
    "sd.model.file": ("Шлях до файлу .safetensors на сервері", "Path to a .safetensors file on the server"),
    "sd.model.file_help": (
        "Один файл контрольної точки, як у теці models/Stable-diffusion в AUTOMATIC1111 (напр. з Civitai).",
        "A single-file checkpoint, as in AUTOMATIC1111's models/Stable-diffusion folder (e.g. from Civitai).",
    ),
    "sd.model.file_config": (
        "Папка з конфігурацією (необов'язково)",
        "Config folder (optional)",
    ),
    "sd.model.file_config_help": (
        "Локальна папка diffusers тієї самої архітектури (з model_index.json) або id моделі на "
        "Hugging Face: з неї diffusers бере конфігурації компонентів, яких у файлі .safetensors "
        "немає. Без неї вони завантажуються з Hugging Face, тож без інтернету це поле потрібне.",
        "A local diffusers folder of the same architecture (with model_index.json) or a Hugging "
        "Face model id: diffusers reads the component configs, which a .safetensors file lacks, "
        "from it. Without it they are downloaded from Hugging Face, so offline this field is needed.",
    ),
    "sd.model.resident": ("У пам'яті: {names}", "In memory: {names}"),
    "sd.model.none": ("немає", "none"),
    "sd.model.selected": ("Обрано: **{name}**", "Selected: **{name}**"),
    "sd.model.ready": ("Модель завантажена й готова", "Model loaded and ready"),
    "sd.model.load": ("Завантажити модель", "Load model"),
    "sd.model.loading": ("Завантаження {name}…", "Loading {name}…"),
    "sd.model.load_help": (
        "Модель завантажиться й під час першої генерації; кнопка дозволяє зробити це заздалегідь.",
        "The model also loads on the first generation; this button does it ahead of time.",
    ),
    "sd.model.pick_first": (
        "Вкажіть модель, щоб почати.",
        "Choose a model to begin.",
    ),
    # --- tabs and form --------------------------------------------------------------------------
    "sd.tab.t2i": ("txt2img", "txt2img"),
    "sd.tab.i2i": ("img2img", "img2img"),
    "sd.tab.inp": ("Inpaint", "Inpaint"),
    "sd.tab.exp": ("Експерименти", "Experiments"),
    "sd.tab.png": ("PNG Info", "PNG Info"),
    "sd.tab.lora": ("LoRA", "LoRA"),
    "sd.form.preset": (
        "Готова підказка для варіанта {number} ({name})",
        "Ready-made prompt for variant {number} ({name})",
    ),
    "sd.preset.basic": ("Проста: лише тема", "Basic: the subject only"),
    "sd.preset.detailed": ("Детальна: деталі, світло, кадр", "Detailed: details, light, framing"),
    "sd.preset.artistic": ("Художня: цифрове мистецтво", "Artistic: digital art"),
    "sd.form.prompt": ("Підказка (prompt)", "Prompt"),
    "sd.form.prompt_help": (
        "Пишіть англійською: текстовий кодер CLIP навчався на англомовних підписах. "
        "Детальний опис (об'єкт, деталі, стиль, світло) дає кращий результат.",
        "Write in English: the CLIP text encoder was trained on English captions. A detailed "
        "description (subject, details, style, light) gives better results.",
    ),
    "sd.form.meaning": ("Переклад підказки: {text}", "Prompt meaning: {text}"),
    "sd.form.negative": ("Негативна підказка (чого уникати)", "Negative prompt (what to avoid)"),
    "sd.form.sampler": ("Семплер", "Sampling method"),
    "sd.form.sampler_help": (
        "Алгоритм, що крок за кроком видаляє шум (планувальник diffusers під назвою з A1111).",
        "The algorithm that removes noise step by step (a diffusers scheduler under its A1111 name).",
    ),
    "sd.form.steps": ("Кроки", "Steps"),
    "sd.form.steps_help": (
        "Кількість кроків видалення шуму. Типово 20–50: більше — детальніше, але довше.",
        "Number of denoising steps. Typically 20–50: more is more detailed but slower.",
    ),
    "sd.form.cfg": ("CFG Scale", "CFG Scale"),
    "sd.form.cfg_help": (
        "Наскільки сильно слідувати підказці (classifier-free guidance). Типово 7–12: більше — "
        "точніше за текстом, але менш різноманітно й з ризиком перенасичення.",
        "How strongly to follow the prompt (classifier-free guidance). Typically 7–12: higher "
        "follows the text more closely but is less varied and may oversaturate.",
    ),
    "sd.form.width": ("Ширина", "Width"),
    "sd.form.height": ("Висота", "Height"),
    "sd.form.size_help": (
        "Кратна 8 (VAE стискає кожен бік у 8 разів). SD 1.x навчена на 512×512, SDXL — на 1024×1024.",
        "A multiple of 8 (the VAE shrinks each side 8×). SD 1.x was trained at 512×512, SDXL at 1024×1024.",
    ),
    "sd.form.seed_help": (
        "−1 — випадкове зерно; використане зерно з'явиться під зображенням, щоб повторити результат.",
        "−1 picks a random seed; the seed used is shown under the image so you can repeat it.",
    ),
    "sd.random_seed": ("випадкове", "random"),
    "sd.form.batch_count": ("Партій", "Batch count"),
    "sd.form.batch_size": ("У партії", "Batch size"),
    "sd.generate": ("Згенерувати", "Generate"),
    "sd.interrupt": ("Перервати", "Interrupt"),
    "sd.progress.gen": (
        "Партія {batch}/{batches} · крок {step}/{steps}",
        "Batch {batch}/{batches} · step {step}/{steps}",
    ),
    "sd.progress.warmup": (
        "Завантаження моделі й розігрів (не враховуються в часі)…",
        "Loading the model and warming up (not counted in the timings)…",
    ),
    "sd.progress.loading": ("Завантаження моделі…", "Loading the model…"),
    "sd.interrupted": ("перервано", "interrupted"),
    "sd.progress.cell": (
        "Зображення {cell} з {cells} · крок {step}/{steps}",
        "Image {cell} of {cells} · step {step}/{steps}",
    ),
    "sd.used_seeds": ("Використані зерна: **{seeds}**", "Seeds used: **{seeds}**"),
    "sd.saved_generation": (
        "Ця генерація завершилася раніше; ось збережені зображення.",
        "This generation finished earlier; here are its saved images.",
    ),
    "sd.generation_gone": (
        "Зображень за цим посиланням уже немає.",
        "The images this link names are gone.",
    ),
    "sd.image_caption": ("зерно {seed} · {time}", "seed {seed} · {time}"),
    "sd.unit.s": ("с", "s"),
    "sd.parameters": ("Параметри генерації (як у PNG)", "Generation parameters (as stored in the PNG)"),
    # --- img2img and inpaint ----------------------------------------------------------------------
    "sd.i2i.image": ("Початкове зображення", "Initial image"),
    "sd.upload.kept": (
        "Використовується завантажений раніше файл {name}; щоб замінити, завантажте інший.",
        "Using {name}, uploaded earlier; upload another file to replace it.",
    ),
    "sd.i2i.strength": ("Сила зміни (denoising strength)", "Denoising strength"),
    "sd.i2i.strength_help": (
        "0 — повернути зображення без змін, 1 — намалювати заново. Модель додає шум на цю "
        "частку шляху й виконує лише відповідну частку кроків.",
        "0 returns the image unchanged, 1 redraws it. The model adds noise that far along the "
        "schedule and runs only that share of the steps.",
    ),
    "sd.inp.about": (
        "Inpainting перемальовує лише білу частину маски, решта зображення лишається.",
        "Inpainting repaints only the white part of the mask; the rest of the image stays.",
    ),
    "sd.inp.mask_source": ("Маска", "Mask"),
    "sd.inp.mask.draw": ("Прямокутник", "Rectangle"),
    "sd.inp.mask.upload": ("Завантажити файл маски", "Upload a mask file"),
    "sd.inp.mask_file": (
        "Маска (біле — перемалювати, чорне — залишити)",
        "Mask (white = repaint, black = keep)",
    ),
    "sd.inp.rect_help": (
        "Малювання пензлем тут не встановлено, тож область задається прямокутником у "
        "відсотках розміру зображення; маску довільної форми завантажте файлом.",
        "No brush canvas is installed here, so the area is a rectangle in percent of the image "
        "size; upload a mask file for any other shape.",
    ),
    "sd.inp.x_range": ("По горизонталі, %", "Horizontal, %"),
    "sd.inp.y_range": ("По вертикалі, %", "Vertical, %"),
    "sd.inp.preview": ("Червоним — що буде перемальовано", "Red: what will be repainted"),
    # --- experiments ------------------------------------------------------------------------------
    "sd.exp.kind": ("Експеримент", "Experiment"),
    "sd.exp.kind.steps": ("Кроки", "Steps"),
    "sd.exp.kind.style": ("Стиль підказки", "Prompt style"),
    "sd.exp.kind.size": ("Розмір і час", "Size vs time"),
    "sd.exp.kind.cfg": ("CFG", "CFG"),
    "sd.exp.kind.xy": ("Сітка X/Y", "X/Y grid"),
    "sd.exp.about.steps": (
        "Експеримент 1 методички: те саме зерно й підказка з різною кількістю кроків. "
        "Порівняйте деталізацію зображень і час: він росте лінійно з кроками.",
        "The manual's experiment 1: the same seed and prompt with different step counts. "
        "Compare the detail of the images and the time: it grows linearly with steps.",
    ),
    "sd.exp.about.style": (
        "Експеримент 2 методички: тема з вкладки txt2img у різних стилях (фото, олія, "
        "акварель, олівець, аніме, вектор…) з тим самим зерном.",
        "The manual's experiment 2: the txt2img tab's subject in different styles (photo, oil, "
        "watercolour, pencil, anime, vector…) with the same seed.",
    ),
    "sd.exp.about.size": (
        "Експеримент 3 методички: час генерації для різних розмірів. Графік показує час "
        "проти кількості пікселів і степеневу залежність t = a·пікселі^b: b ≈ 1 — лінійно.",
        "The manual's experiment 3: generation time at different sizes. The chart shows time "
        "against pixel count and a power law t = a·pixels^b: b ≈ 1 means linear.",
    ),
    "sd.exp.about.cfg": (
        "Вплив CFG Scale: мале значення — модель майже ігнорує підказку, велике — "
        "перенасичені кольори й артефакти. Типово 7–12.",
        "The effect of CFG Scale: low values nearly ignore the prompt, high values give "
        "oversaturated colours and artefacts. Typically 7–12.",
    ),
    "sd.exp.about.xy": (
        "Будь-які два параметри одразу, як X/Y/Z plot в AUTOMATIC1111: стовпці — X, рядки — Y.",
        "Any two parameters at once, like AUTOMATIC1111's X/Y/Z plot: columns are X, rows are Y.",
    ),
    "sd.exp.values": ("Значення через кому", "Values, comma-separated"),
    "sd.exp.styles": ("Стилі", "Styles"),
    "sd.exp.x": ("Вісь X", "X axis"),
    "sd.exp.y": ("Вісь Y", "Y axis"),
    "sd.exp.x_values": ("Значення X", "X values"),
    "sd.exp.y_values": ("Значення Y", "Y values"),
    "sd.exp.values_help.steps": (
        "Напр. 1, 2, 4, 10, 20 або діапазон 10-50 (+10).",
        "E.g. 1, 2, 4, 10, 20 or a range 10-50 (+10).",
    ),
    "sd.exp.values_help.cfg": (
        "Напр. 1, 3, 7, 12, 15 або 1-15 [5] (п'ять рівномірних значень).",
        "E.g. 1, 3, 7, 12, 15 or 1-15 [5] (five evenly spaced values).",
    ),
    "sd.exp.values_help.size": (
        "Сторона квадрата (512) або ширина×висота (512x768), кратні 8.",
        "A square side (512) or width×height (512x768), multiples of 8.",
    ),
    "sd.exp.values_help.seed": ("Напр. 1, 2, 3, 4.", "E.g. 1, 2, 3, 4."),
    "sd.exp.values_help.prompt_sr": (
        "Перше значення шукається в підказці й по черзі замінюється на наступні: напр. «fox, cat, owl».",
        "The first value is searched in the prompt and replaced by each next one in turn: "
        "e.g. “fox, cat, owl”.",
    ),
    "sd.exp.base": (
        "Решта параметрів — з вкладки txt2img: {summary}",
        "Other parameters come from the txt2img tab: {summary}",
    ),
    "sd.exp.summary": (
        "«{prompt}» · {sampler} · кроки: {steps} · CFG: {cfg} · {width}×{height} · зерно: {seed}",
        "“{prompt}” · {sampler} · steps: {steps} · CFG: {cfg} · {width}×{height} · seed: {seed}",
    ),
    "sd.exp.run": ("Запустити експеримент", "Run experiment"),
    "sd.exp.past": ("Збережені експерименти", "Saved experiments"),
    "sd.exp.past_pick": ("Відкрити збережений експеримент…", "Open a saved experiment…"),
    "sd.exp.delete": ("Видалити", "Delete"),
    "sd.exp.zip_help": (
        "Усі зображення експерименту, results.csv і sweep.json одним архівом — для звіту.",
        "All the experiment's images, results.csv and sweep.json in one archive — for your report.",
    ),
    "sd.exp.no_cells": (
        "Ще немає готових зображень у цьому експерименті.",
        "This experiment has no finished images yet.",
    ),
    "sd.exp.warmup": (
        "Перша (розігрівна) генерація тривала {time} і не врахована: вона платить за "
        "завантаження моделі, виділення пам'яті й вибір ядер.",
        "The first (warm-up) generation took {time} and is not counted: it pays for "
        "loading the model, memory allocation and kernel selection.",
    ),
    "sd.param.steps": ("Кроки", "Steps"),
    "sd.param.cfg": ("CFG Scale", "CFG Scale"),
    "sd.param.sampler": ("Семплер", "Sampler"),
    "sd.param.size": ("Розмір", "Size"),
    "sd.param.seed": ("Зерно", "Seed"),
    "sd.param.prompt_sr": ("Заміна в підказці (S/R)", "Prompt S/R"),
    "sd.param.style": ("Стиль", "Style"),
    "sd.style.plain": ("Без стилю", "Plain"),
    "sd.style.photo": ("Фото", "Photo"),
    "sd.style.oil": ("Олійний живопис", "Oil painting"),
    "sd.style.watercolor": ("Акварель", "Watercolour"),
    "sd.style.sketch": ("Олівцевий ескіз", "Pencil sketch"),
    "sd.style.anime": ("Аніме", "Anime"),
    "sd.style.vector": ("Мінімалістичний вектор", "Minimal vector"),
    "sd.style.pixel": ("Піксель-арт", "Pixel art"),
    "sd.style.render3d": ("3D-рендер", "3D render"),
    "sd.state.running": ("виконується", "running"),
    "sd.state.done": ("готово", "done"),
    "sd.state.cancelled": ("зупинено", "stopped"),
    "sd.state.failed": ("помилка", "failed"),
    "sd.state.interrupted": ("перервано перезапуском сервера", "interrupted by a server restart"),
    "sd.col.steps": ("Кроки", "Steps"),
    "sd.col.cfg_scale": ("CFG", "CFG"),
    "sd.col.sampler": ("Семплер", "Sampler"),
    "sd.col.width": ("Ширина", "Width"),
    "sd.col.height": ("Висота", "Height"),
    "sd.col.seed": ("Зерно", "Seed"),
    "sd.col.seconds": ("Час, с", "Time, s"),
    "sd.col.seconds_per_step": ("С/крок", "s/step"),
    "sd.col.prompt": ("Підказка", "Prompt"),
    # --- charts -----------------------------------------------------------------------------------
    "sd.chart.seconds": ("Час на зображення, с", "Time per image, s"),
    "sd.chart.measured": ("Виміряно", "Measured"),
    "sd.chart.line_fit": ("Пряма", "Straight line"),
    "sd.chart.line_fit_r2": ("Пряма (R² = {r2})", "Straight line (R² = {r2})"),
    "sd.chart.power_fit": ("Степенева: b = {b} (R² = {r2})", "Power law: b = {b} (R² = {r2})"),
    "sd.chart.steps": ("Час на зображення залежно від кількості кроків", "Time per image vs steps"),
    "sd.chart.cfg": ("Час на зображення залежно від CFG", "Time per image vs CFG"),
    "sd.chart.per_value": ("Час на зображення", "Time per image"),
    "sd.chart.xy": ("Час на зображення, с", "Time per image, s"),
    "sd.chart.size": ("Час генерації залежно від кількості пікселів", "Generation time vs pixel count"),
    "sd.chart.pixels": ("Пікселів (ширина × висота)", "Pixels (width × height)"),
    "sd.chart.per_step": ("Час на крок", "Time per step"),
    "sd.chart.per_step_help": (
        "Нахил прямої час = нахил·кроки + {overhead} с; сталий доданок — кодування тексту й декодування VAE.",
        "The slope of time = slope·steps + {overhead} s; the constant is text encoding and VAE decoding.",
    ),
    "sd.chart.need_two_sizes": (
        "Для апроксимації потрібні щонайменше два різні розміри.",
        "The fit needs at least two different sizes.",
    ),
    "sd.chart.exponent": ("Показник b у t = a·пікселі^b", "Exponent b in t = a·pixels^b"),
    "sd.chart.exponent_help": (
        "b = 1 — час пропорційний кількості пікселів, b = 2 — квадратичний (як увага між усіма латентними пікселями).",
        "b = 1: time proportional to pixel count; b = 2: quadratic (like attention between all latent pixels).",
    ),
    "sd.chart.r2_power": ("R² степеневої", "R² of the power law"),
    "sd.chart.r2_line": ("R² прямої", "R² of the line"),
    "sd.chart.verdict.linear": (
        "b = {b}: час росте майже лінійно з кількістю пікселів — удвічі більше пікселів, удвічі довше.",
        "b = {b}: time grows almost linearly with pixel count — twice the pixels, twice the time.",
    ),
    "sd.chart.verdict.super": (
        "b = {b}: час росте швидше за кількість пікселів. Причина — самоувага (self-attention) "
        "у U-Net: її вартість квадратична від кількості латентних пікселів.",
        "b = {b}: time grows faster than the pixel count. The cause is the U-Net's "
        "self-attention, whose cost is quadratic in the number of latent pixels.",
    ),
    "sd.chart.verdict.sub": (
        "b = {b}: час росте повільніше за кількість пікселів — на малих розмірах переважають "
        "сталі витрати (кодування тексту, запуск ядер), а прискорювач завантажений не повністю.",
        "b = {b}: time grows slower than the pixel count — at small sizes fixed costs (text "
        "encoding, kernel launches) dominate and the accelerator is not fully busy.",
    ),
    # --- PNG info and LoRA ------------------------------------------------------------------------
    "sd.png.upload": ("PNG-зображення", "PNG image"),
    "sd.png.upload_help": (
        "AUTOMATIC1111 і ця сторінка записують параметри генерації в текстовий блок PNG «parameters».",
        "AUTOMATIC1111 and this page store the generation parameters in the PNG text chunk “parameters”.",
    ),
    "sd.png.none": (
        "У цьому PNG немає параметрів генерації.",
        "This PNG carries no generation parameters.",
    ),
    "sd.png.field": ("Поле", "Field"),
    "sd.png.value": ("Значення", "Value"),
    "sd.png.send": ("Надіслати в txt2img", "Send to txt2img"),
    "sd.png.sent": (
        "Параметри перенесено на вкладку txt2img.",
        "The parameters are now in the txt2img tab.",
    ),
    "sd.lora.about": (
        "LoRA — невеликі матриці низького рангу, що донавчають модель новому стилю чи темі без "
        "перенавчання всієї мережі. Додані LoRA застосовуються до всіх генерацій і експериментів.",
        "LoRA: small low-rank matrices that teach the model a new style or subject without "
        "retraining the whole network. Added LoRAs apply to every generation and experiment.",
    ),
    "sd.lora.source": ("Звідки взяти LoRA", "Where the LoRA comes from"),
    "sd.lora.src.upload": ("Завантажити файл", "Upload a file"),
    "sd.lora.src.path": ("Файл на сервері", "A file on the server"),
    "sd.lora.upload": ("Файл LoRA (.safetensors)", "LoRA file (.safetensors)"),
    "sd.lora.upload_help": (
        "Файл LoRA з вашого комп'ютера (напр. з Civitai). Він зберігається в кеші GenLab під "
        "безпечною назвою й перевіряється, перш ніж його буде додано.",
        "A LoRA file from your computer (e.g. from Civitai). It is kept in GenLab's cache under a "
        "safe name and checked before it is added.",
    ),
    "sd.lora.demo": ("Додати демо-LoRA", "Add the demo LoRA"),
    "sd.lora.demo_help": (
        "Для демо-моделі є демо-LoRA з випадковими вагами: зображення змінюються з її вагою й "
        "повертаються до початкових, коли її прибрати.",
        "The demo model has a demo LoRA with random weights: the images change with its weight "
        "and return to the base model's when it is removed.",
    ),
    "sd.lora.demo_building": (
        "Створюємо демо-LoRA (лише першого разу)…",
        "Building the demo LoRA (first time only)…",
    ),
    "sd.lora.path": (
        "Шлях до файлу LoRA (.safetensors) на сервері",
        "LoRA file path (.safetensors) on the server",
    ),
    "sd.lora.path_help": (
        "Файл на машині, де працює GenLab, як у теці models/Lora в AUTOMATIC1111.",
        "A file on the machine running GenLab, as in AUTOMATIC1111's models/Lora folder.",
    ),
    "sd.lora.weight": ("Вага", "Weight"),
    "sd.lora.add": ("Додати", "Add"),
    "sd.lora.remove": ("Прибрати", "Remove"),
    "sd.lora.none": ("LoRA не додано.", "No LoRA added."),
    "sd.lora.item": ("**{name}** · вага {weight}", "**{name}** · weight {weight}"),
    # --- errors -----------------------------------------------------------------------------------
    "sd.exp.err.param": (
        "Невідомий параметр експерименту: «{param}».",
        "Unknown experiment parameter: “{param}”.",
    ),
    "sd.exp.err.kind": ("Невідомий вид експерименту: «{kind}».", "Unknown kind of experiment: “{kind}”."),
    "sd.exp.err.empty_values": (
        "Вкажіть хоча б одне значення для «{param}».",
        "Enter at least one value for “{param}”.",
    ),
    "sd.exp.err.bad_value": (
        "Неприпустиме значення «{value}» для «{param}».",
        "“{value}” is not a valid value for “{param}”.",
    ),
    "sd.exp.err.size_multiple": (
        "Розмір {value} не кратний 8: VAE стискає зображення у 8 разів, тож кожен бік має ділитися на 8.",
        "Size {value} is not a multiple of 8: the VAE shrinks images 8×, so each side must divide by 8.",
    ),
    "sd.exp.err.size_range": (
        "Розмір {value} поза межами {lo}–{hi} пікселів.",
        "Size {value} is outside {lo}–{hi} pixels.",
    ),
    "sd.exp.err.too_many": (
        "Забагато зображень в експерименті: {n} (не більше {max}).",
        "Too many images in the experiment: {n} (at most {max}).",
    ),
    "sd.exp.err.same_axes": (
        "Осі X і Y мають бути різними параметрами.",
        "The X and Y axes must be different parameters.",
    ),
    "sd.exp.err.prompt_sr_pairs": (
        "Для заміни в підказці потрібні щонайменше два значення: що шукати і чим замінити.",
        "Prompt S/R needs at least two values: what to search for and what to replace it with.",
    ),
    "sd.exp.err.prompt_sr_missing": (
        "Слова «{search}» немає в підказці, тож замінювати нічого.",
        "“{search}” does not occur in the prompt, so there is nothing to replace.",
    ),
    "sd.exp.err.no_sweep": ("Експеримент «{id}» не знайдено.", "Experiment “{id}” was not found."),
    "sd.exp.err.sweep_running": (
        "Експеримент ще виконується: спершу зупиніть його.",
        "The experiment is still running: stop it first.",
    ),
    "sd.exp.err.fit_points": (
        "Для апроксимації потрібні щонайменше дві різні додатні точки.",
        "A fit needs at least two distinct positive points.",
    ),
    "sd.exp.err.bad_image": (
        "Файл «{name}» не вдалося прочитати як зображення.",
        "“{name}” could not be read as an image.",
    ),
    "sd.exp.err.need_image": ("Спершу завантажте початкове зображення.", "Upload an initial image first."),
    "sd.exp.err.need_mask": ("Спершу задайте маску.", "Set a mask first."),
    "sd.exp.err.need_lora_file": ("Спершу завантажте файл LoRA.", "Upload a LoRA file first."),
    # --- control questions ------------------------------------------------------------------------
    "sd.q.1": (
        "Що таке дифузійні моделі, і які основні етапи їхньої роботи?",
        "What are diffusion models, and what are the main stages of their work?",
    ),
    "sd.a.1": (
        "Модель навчається прибирати шум: генерація починається з чистого шуму й за N кроків "
        "(повзунок «Кроки») перетворює його на зображення. Етапи в Stable Diffusion: текстовий "
        "кодер CLIP → шум у латентному просторі → U-Net покроково видаляє шум під керуванням "
        "тексту → декодер VAE. Подивіться на смугу прогресу під час генерації та на експеримент "
        "**Кроки**: на 1–2 кроках ще видно шум.",
        "The model learns to remove noise: generation starts from pure noise and turns it into "
        "an image in N steps (the Steps slider). The stages in Stable Diffusion: CLIP text "
        "encoder → noise in latent space → the U-Net removes noise step by step, guided by the "
        "text → VAE decoder. Watch the progress bar while generating and the **Steps** "
        "experiment: at 1–2 steps the noise is still visible.",
    ),
    "sd.q.2": (
        "Які параметри впливають на якість результатів у Stable Diffusion?",
        "Which parameters affect the quality of Stable Diffusion's results?",
    ),
    "sd.a.2": (
        "Кроки, CFG Scale, семплер, розмір (рідний для моделі — найкращий), зерно, сама "
        "підказка та негативна підказка, модель і LoRA. Кожен можна дослідити на вкладці "
        "**Експерименти**: «Кроки», «CFG», «Стиль підказки» і «Сітка X/Y» (напр. семплер × кроки).",
        "Steps, CFG Scale, the sampler, the size (the model's native one is best), the seed, "
        "the prompt and negative prompt, the model and LoRAs. Each can be explored in the "
        "**Experiments** tab: Steps, CFG, Prompt style and the X/Y grid (e.g. sampler × steps).",
    ),
    "sd.q.3": (
        "Як Stable Diffusion оптимізує процес генерації зображень?",
        "How does Stable Diffusion make image generation cheaper?",
    ),
    "sd.a.3": (
        "Дифузія йде не в пікселях, а в латентному просторі VAE: зображення 512×512×3 "
        "(786 432 числа) стискається до 64×64×4 (16 384 числа) — у 48 разів менше. "
        "Експеримент **Розмір і час** показує, як час залежить від кількості пікселів "
        "(показник b степеневої апроксимації).",
        "Diffusion runs not on pixels but in the VAE's latent space: a 512×512×3 image "
        "(786,432 numbers) is compressed to 64×64×4 (16,384 numbers) — 48× fewer. The "
        "**Size vs time** experiment shows how time depends on pixel count (the exponent b "
        "of the power-law fit).",
    ),
    "sd.q.4": ("Чим дифузійні моделі відрізняються від GAN?", "How do diffusion models differ from GANs?"),
    "sd.a.4": (
        "GAN створює зображення за один прохід генератора й навчається у змаганні з "
        "дискримінатором (нестабільно, можливий колапс мод — див. лаб. 1). Дифузійна модель "
        "навчається стабільно на простій задачі прибирання шуму, краще покриває різноманіття "
        "даних і керується текстом, але генерує за десятки кроків — порівняйте час на "
        "зображення тут і в лаб. 1.",
        "A GAN makes an image in one generator pass and learns by competing with a "
        "discriminator (unstable, prone to mode collapse — see Lab 1). A diffusion model "
        "trains stably on a simple denoising task, covers the data's variety better and is "
        "steered by text, but generates in tens of steps — compare the time per image here "
        "and in Lab 1.",
    ),
    "sd.q.5": (
        "Які є переваги та недоліки використання Stable Diffusion?",
        "What are the advantages and disadvantages of Stable Diffusion?",
    ),
    "sd.a.5": (
        "Переваги: відкриті ваги, робота локально, керування текстом, img2img, inpainting, "
        "LoRA й власні моделі, висока якість. Недоліки: повільніше за GAN (див. графік часу "
        "від кроків), потрібен GPU й багато пам'яті, артефакти (руки, текст), залежність від "
        "формулювання підказки (експеримент **Стиль підказки**), питання авторських прав.",
        "Advantages: open weights, runs locally, text control, img2img, inpainting, LoRA and "
        "custom models, high quality. Disadvantages: slower than a GAN (see the time-vs-steps "
        "chart), needs a GPU and lots of memory, artefacts (hands, text), sensitivity to the "
        "prompt's wording (the **Prompt style** experiment), copyright questions.",
    ),
}
