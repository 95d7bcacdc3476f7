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
    "sd.err.model_is_file": (
        "«{name}» — це файл, а потрібна папка моделі diffusers (з model_index.json).",
        "“{name}” is a file; a diffusers model folder (with model_index.json) is needed.",
    ),
    "sd.err.no_lora_path": (
        "Вкажіть шлях до файлу LoRA (.safetensors) на сервері.",
        "Enter the path of a LoRA file (.safetensors) on the server.",
    ),
    "sd.err.out_of_memory": (
        "Забракло пам'яті для зображення {width}×{height}. Зменште розмір зображення або розмір партії.",
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
        "CFG Scale має бути від {lo} до {hi}, а не {value}.",
        "CFG scale must be between {lo} and {hi}, not {value}.",
    ),
    "sd.err.batch_count": (
        "Кількість партій має бути від 1 до {max}, а не {value}.",
        "Batch count must be between 1 and {max}, not {value}.",
    ),
    "sd.err.batch_size": (
        "Розмір партії має бути від 1 до {max}, а не {value}.",
        "Batch size must be between 1 and {max}, not {value}.",
    ),
    "sd.err.seed": (
        "Зерно має бути від 0 до 4 294 967 295 або −1 (випадкове), а не {value}.",
        "The seed must be between 0 and 4,294,967,295, or −1 (random), not {value}.",
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
        "Кроків {steps}, сила зміни {strength}: на знешумлення не лишається жодного кроку — "
        "збільште кількість кроків або силу.",
        "{steps} steps at strength {strength} leave no denoising step: raise the steps or the strength.",
    ),
    "sd.err.sampler": (
        "Невідомий семплер «{name}». Доступні: {known}.",
        "Unknown sampler “{name}”. Available: {known}.",
    ),
    # --- LoRA -----------------------------------------------------------------------------------------
    "sd.err.bad_lora": (
        "«{path}» не схожий на файл LoRA (у ньому немає ваг LoRA).",
        "“{path}” does not look like a LoRA file (it holds no lora weights).",
    ),
    "sd.err.lora_load": (
        "LoRA «{path}» не підходить до цієї моделі: {detail}",
        "The LoRA “{path}” does not fit this model: {detail}",
    ),
    "sd.err.lora_weight": (
        "Вага LoRA має бути від {lo} до {hi}, а не {weight}.",
        "The LoRA weight must be between {lo} and {hi}, not {weight}.",
    ),
    # --- PNG info -------------------------------------------------------------------------------------
    "sd.err.not_png": (
        "Цей файл не вдалося відкрити як зображення (PNG, JPEG чи WebP).",
        "This file could not be opened as an image (PNG, JPEG or WebP).",
    ),
    # --- inpaint ------------------------------------------------------------------------------------
    "sd.err.empty_mask": (
        "Маска порожня: позначте пензлем, прямокутником чи файлом, яку частину перемалювати.",
        "The mask is empty: mark the part to repaint with the brush, a rectangle or a file.",
    ),
    "sd.err.mask_blur": (
        "Розмиття маски має бути від 0 до {max} px, а не {value}.",
        "Mask blur must be between 0 and {max} px, not {value}.",
    ),
    "sd.err.masked_content": (
        "Невідомий варіант вмісту маски: «{value}».",
        "Unknown masked content: “{value}”.",
    ),
    "sd.err.padding": (
        "Відступ навколо маски має бути від 0 до {max} px, а не {value}.",
        "The padding around the mask must be between 0 and {max} px, not {value}.",
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
    "sd.model.src.hub": ("Ідентифікатор Hugging Face", "Hugging Face id"),
    "sd.model.src.folder": ("Локальна папка", "Local folder"),
    "sd.model.src.file": ("Файл .safetensors", ".safetensors file"),
    "sd.model.tiny_help": (
        "Крихітний конвеєр Stable Diffusion з випадковими вагами: та сама архітектура "
        "(текстовий кодер, U-Net, VAE, планувальник), але ненавчена, тож замість картинок — "
        "кольоровий шум. Працює без інтернету за секунди: годиться, щоб виміряти час і "
        "відпрацювати експерименти. Її токенізатор не знає слів і рахує кожен символ окремим "
        "токеном, тож довгу підказку вона, як і справжні моделі, читає частинами по 75 токенів "
        "(тут це ≈ 75 символів) і нічого з неї не відкидає. Для справжніх зображень оберіть "
        "навчену модель.",
        "A tiny Stable Diffusion pipeline with random weights: the same architecture (text "
        "encoder, U-Net, VAE, scheduler) but untrained, so it draws coloured noise, not "
        "pictures. Runs offline in seconds: good for timing and rehearsing the experiments. "
        "Its tokenizer knows no words and counts every character as a token, so, like real "
        "models, it reads a long prompt in chunks of 75 tokens (here ≈ 75 characters) and drops "
        "none of it. For real images pick a trained model.",
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
    # --- a model trained here (services/diffusion/own, ui/diffusion/train.py, versus.py) -------------
    "sd.tab.train": ("Своя модель", "Own model"),
    "sd.tab.versus": ("GAN проти дифузії", "GAN vs diffusion"),
    "sd.tab.questions": ("Контрольні запитання", "Control questions"),
    "sd.model.src.own": ("Навчена тут", "Trained here"),
    "sd.model.own": ("Модель з вкладки «Своя модель»", "Model from the “Own model” tab"),
    "sd.model.own_none": (
        "Тут ще не навчено жодної моделі. Навчіть маленьку дифузійну модель на даних лаб. 1 у "
        "вкладці «Своя модель»: на CPU це кілька хвилин, і вона малює справжні зображення без інтернету.",
        "No model has been trained here yet. Train a small diffusion model on Lab 1's data in the "
        "“Own model” tab: it takes minutes on a CPU and draws real pictures with no download.",
    ),
    "sd.model.own_train": ("Перейти до навчання", "Go to training"),
    "sd.model.own_help": (
        "Підказка — це назва класу українською або англійською: {classes}. Негативна підказка може "
        "назвати клас, від якого модель відштовхується (як порожня підказка в CFG Stable Diffusion); "
        "інших слів модель не знає. Вона малює {size}×{size} пікс. — показано {shown}×{shown}, кожен "
        "піксель квадратиком. LoRA та inpainting до неї не застосовні.",
        "The prompt is a class name in Ukrainian or English: {classes}. The negative prompt may name a "
        "class to steer away from (it takes the empty prompt's place in CFG, as in Stable Diffusion); "
        "the model knows no other words. It draws {size}×{size} px, shown at {shown}×{shown}, each "
        "pixel as a square. LoRA and inpainting do not apply to it.",
    ),
    "sd.model.own_help_unlabelled": (
        "Дані без класів: модель малює схоже на них за будь-якої підказки, тож CFG нічого не змінює. "
        "Вона малює {size}×{size} пікс. — показано {shown}×{shown}, кожен піксель квадратиком.",
        "Unlabelled data: the model draws pictures like it whatever the prompt, so CFG changes "
        "nothing. It draws {size}×{size} px, shown at {shown}×{shown}, each pixel as a square.",
    ),
    "sd.own.err.size": (
        "Розмір {value} пікс. не підтримується: оберіть {sizes}.",
        "A size of {value} px is not supported: choose {sizes}.",
    ),
    "sd.own.err.channels": (
        "Зображення з {value} каналами не підтримуються: потрібні відтінки сірого (1) або RGB (3).",
        "Images with {value} channels are not supported: gray (1) or RGB (3) are.",
    ),
    "sd.own.err.value": ("Недопустиме значення «{name}»: {value}.", "Invalid value of “{name}”: {value}."),
    "sd.own.err.shape": (
        "Зображення мають форму {shape}, а модель очікує N × канали × {size} × {size}.",
        "The images have the shape {shape}, but the model expects N × channels × {size} × {size}.",
    ),
    "sd.own.err.too_few": (
        "Для навчання потрібно щонайменше 2 зображення, а завантажено {count}.",
        "Training needs at least 2 images; {count} are loaded.",
    ),
    "sd.own.err.bad_checkpoint": (
        "Контрольну точку навчання не вдалося прочитати: файл пошкоджено. Видаліть цей запуск і почніть новий.",
        "The training checkpoint could not be read: the file is damaged. Delete this run and start a new one.",
    ),
    "sd.own.err.no_model": (
        "У «{name}» ще немає збереженої моделі: вона з'явиться разом із першою контрольною точкою навчання.",
        "“{name}” has no saved model yet: it appears with the first training checkpoint.",
    ),
    "sd.own.err.complete": (
        "Усі заплановані кроки ({iterations:,}) уже виконано: додайте кроків, щоб навчати далі.",
        "All planned steps ({iterations:,}) are done: add steps to train on.",
    ),
    "sd.own.err.busy": (
        "Цей запуск саме навчається: спершу зупиніть його.",
        "This run is training right now: stop it first.",
    ),
    "sd.own.err.unknown": ("Запуску «{run_id}» немає.", "There is no run “{run_id}”."),
    "sd.own.err.unreadable": (
        "Файли запуску «{run_id}» пошкоджені або неповні.",
        "The files of the run “{run_id}” are damaged or incomplete.",
    ),
    "sd.own.err.classes_changed": (
        "Дані змінилися відтоді, як запуск створено, і його класи вже не ті (тепер: {now}). "
        "Почніть новий запуск на цих даних.",
        "The data changed since the run was made, and its classes no longer fit (now: {now}). "
        "Start a new run on this data.",
    ),
    "sd.own.err.no_class": (
        "«{prompt}» не називає жодного з класів, на яких навчено модель. Напишіть один клас: {classes}.",
        "“{prompt}” names none of the classes the model was trained on. Write one class: {classes}.",
    ),
    "sd.own.err.several_classes": (
        "Підказка називає кілька класів ({named}), а модель малює один клас за раз: залиште один.",
        "The prompt names several classes ({named}), but the model draws one class at a time: keep one.",
    ),
    "sd.own.err.several_negatives": (
        "Негативна підказка називає кілька класів ({named}): залиште один або очистіть її.",
        "The negative prompt names several classes ({named}): keep one or clear it.",
    ),
    "sd.own.err.inpaint": (
        "Домальовування (Inpaint) моделлю, навченою тут, недоступне: вона малює безпосередньо пікселі (без "
        "латентного простору й VAE Stable Diffusion) і не має версії для домальовування. Спробуйте img2img.",
        "Inpainting with a model trained here is not available: it draws pixels directly (without "
        "Stable Diffusion's latent space and VAE) and has no inpainting version. Try img2img.",
    ),
    "sd.own.err.lora": (
        "Файли LoRA донавчають U-Net і текстовий кодер Stable Diffusion, тож до моделі, навченої тут, вони "
        "не застосовні. Приберіть їх на вкладці LoRA.",
        "LoRA files adapt Stable Diffusion's U-Net and text encoder, so they do not apply to a model "
        "trained here. Remove them in the LoRA tab.",
    ),
    "sd.own.err.fixed_size": (
        "Ця модель малює лише {size}×{size} (розмір, на якому її навчено), а запитано {width}×{height}.",
        "This model draws only {size}×{size} (the size it was trained at), but {width}×{height} was asked for.",
    ),
    "sd.own.err.sampler": (
        "Семплер «{name}» цій моделі не підходить: LCM потребує моделі, спеціально дистильованої для "
        "нього. Оберіть інший.",
        "The sampler “{name}” does not suit this model: LCM needs a model distilled for it. Choose another.",
    ),
    "sd.own.about": (
        "Маленька дифузійна модель — U-Net і розклад шуму DDPM з бібліотеки diffusers — вчиться прибирати "
        "шум із зображень, завантажених у лаб. 1, і малює їхні класи. Частина прикладів навчається без "
        "класу (`condition dropout`), тож шкала CFG тут означає те саме, що в Stable Diffusion. Навчену "
        "модель можна обрати вгорі («Навчена тут») і випробувати в txt2img та на вкладці «Експерименти».",
        "A small diffusion model — a U-Net and DDPM's noise schedule from the diffusers library — "
        "learns to remove noise from the images loaded in Lab 1 and draws their classes. Some "
        "examples train without their class (condition dropout), so the CFG scale means here what "
        "it means in Stable Diffusion. Pick the trained model above (“Trained here”) and try it in "
        "txt2img and the experiments.",
    ),
    "sd.own.need_data": (
        "Модель навчається на даних лаб. 1: відкрийте в ній вкладку «1 · Дані», натисніть "
        "«Завантажити дані» й поверніться сюди.",
        "The model trains on Lab 1's data: open its “1 · Data” tab, press “Load data” and come back here.",
    ),
    "sd.own.to_lab1": ("Відкрити лаб. 1", "Open Lab 1"),
    "sd.own.data": (
        "**Дані з лаб. 1:** {source} · {count:,} {count:plural:зображення|зображення|зображень} · "
        "{size}×{size} пікс. · класи: {classes}",
        "**Data from Lab 1:** {source} · {count:,} {count:plural:image|images} · {size}×{size} px · "
        "classes: {classes}",
    ),
    "sd.own.no_classes": ("немає (дані без міток)", "none (unlabelled data)"),
    "sd.own.width": ("Ширина U-Net", "U-Net width"),
    "sd.own.width.small": ("Мала", "Small"),
    "sd.own.width.medium": ("Середня", "Medium"),
    "sd.own.width.large": ("Велика", "Large"),
    "sd.own.width_help": (
        "Каналів на рівнях U-Net: мала 16-32-64, середня 32-64-64, велика 64-128-128. Ширша мережа "
        "довше рахує кожен крок, але з часом малює точніше.",
        "Channels at the U-Net's levels: small 16-32-64, medium 32-64-64, large 64-128-128. A wider "
        "network takes longer per step but draws more precisely in time.",
    ),
    "sd.own.iterations": ("Кроки навчання", "Training steps"),
    "sd.own.iterations_help": (
        "Кількість кроків оптимізатора AdamW. На кожному кроці береться мініпакет зображень, до кожного "
        "додається шум випадкового рівня, і модель вчиться цей шум передбачати.",
        "AdamW optimizer steps. Each takes a minibatch of images, adds noise of a random level to "
        "each, and teaches the model to predict that noise.",
    ),
    "sd.own.batch": ("Мініпакет", "Minibatch"),
    "sd.own.lr": ("Швидкість навчання", "Learning rate"),
    "sd.own.dropout": ("Частка без класу (для CFG)", "Share without class (for CFG)"),
    "sd.own.dropout_help": (
        "Така частка прикладів навчається без мітки класу: так модель вчиться ще й безумовного "
        "передбачення, від якого відштовхується керування без класифікатора (CFG). За 0 шкала CFG втрачає "
        "сенс.",
        "This share of examples trains without its class label: so the model also learns the "
        "unconditional prediction that classifier-free guidance steers away from. At 0 the CFG "
        "scale loses its meaning.",
    ),
    "sd.own.estimate": (
        "≈ {seconds:duration} на цій машині (за швидкістю останнього такого запуску: {speed:,} зобр./с)",
        "≈ {seconds:duration} on this machine (at the speed of the last such run: {speed:,} images/s)",
    ),
    "sd.own.start": ("Почати навчання", "Start training"),
    "sd.own.runs": ("Запуск навчання", "Training run"),
    "sd.own.run": ("Запуск: {title}", "Run: {title}"),
    "sd.own.use": ("Генерувати нею в txt2img", "Generate with it in txt2img"),
    "sd.own.resume": ("Продовжити", "Resume"),
    "sd.own.extend": ("Додати кроків", "Add steps"),
    "sd.own.extend_go": ("Додати й продовжити", "Add and continue"),
    "sd.own.delete": ("Видалити запуск", "Delete run"),
    "sd.own.state.new": ("новий", "new"),
    "sd.own.state.running": ("навчається", "training"),
    "sd.own.state.stopped": ("зупинено", "stopped"),
    "sd.own.state.done": ("готово", "done"),
    "sd.own.state.failed": ("помилка", "failed"),
    "sd.own.state.interrupted": ("перервано перезапуском сервера", "interrupted by a server restart"),
    "sd.own.phase.loading": (
        "Завантаження даних: {loaded} з {to_load}…",
        "Loading the data: {loaded} of {to_load}…",
    ),
    "sd.own.phase.probe": (
        "Навчається класифікатор-суддя, що оцінюватиме зразки (кілька секунд, лише під час першого запуску)…",
        "Training the judging classifier that scores the samples (seconds, on the first start only)…",
    ),
    "sd.own.phase.waiting": (
        "Прискорювач зайнятий іншою роботою (попереду в черзі: {ahead})…",
        "The accelerator is busy with other work ({ahead} ahead in the queue)…",
    ),
    "sd.own.phase.sampling": ("Малює зразки…", "Drawing samples…"),
    "sd.own.phase.measuring": (
        "Вимірює якість: точність класу й відстань Фреше…",
        "Measuring quality: class accuracy and Fréchet distance…",
    ),
    "sd.own.phase.saving": ("Зберігає контрольну точку й модель…", "Saving the checkpoint and the model…"),
    "sd.own.waiting_metrics": (
        "Перші числа з'являться за кілька кроків.",
        "The first figures appear in a few steps.",
    ),
    "sd.own.loss": ("Втрата (MSE шуму)", "Loss (noise MSE)"),
    "sd.own.loss_chart": ("Втрата навчання", "Training loss"),
    "sd.own.step": ("Крок", "Step"),
    "sd.own.accuracy": ("Точність класу", "Class accuracy"),
    "sd.own.accuracy_help": (
        "Частка зразків, у яких класифікатор, навчений на справжніх зображеннях (як на вкладці «Колапс мод» "
        "у лаб. 1), бачить саме запитаний клас.",
        "The share of samples in which a classifier trained on the real images (as in Lab 1's "
        "“Mode collapse” tab) sees the class that was asked for.",
    ),
    "sd.own.fd": ("Відстань Фреше", "Fréchet distance"),
    "sd.own.fd_help": (
        "Формула FID, але на ознаках того самого класифікатора замість Inception: наскільки розподіл "
        "зразків відрізняється від розподілу справжніх зображень. Менше — краще; 0 — їх не відрізнити.",
        "FID's formula on the features of that same classifier instead of Inception: how far the "
        "samples' spread is from the real images'. Lower is better; 0 cannot be told apart.",
    ),
    "sd.own.quality_chart": ("Якість зразків під час навчання", "Sample quality during training"),
    "sd.own.snapshot": ("Знімок на кроці", "Snapshot at step"),
    "sd.own.samples": ("Зразки на кроці {step}", "Samples at step {step}"),
    "sd.own.rows": (
        "Рядки згори донизу: {names}; у кожному стовпці те саме зерно, тож видно, як зразок змінюється "
        "в міру навчання.",
        "Rows top to bottom: {names}; each column keeps its seed, so you see a sample change as training goes on.",
    ),
    "sd.own.trained": ("Час навчання", "Training time"),
    "sd.own.speed": ("Швидкість: {speed:,} зобр./с", "Speed: {speed:,} images/s"),
    "sd.own.measured_at": ("Якість виміряно на кроці {step}.", "Quality measured at step {step}."),
    "sd.own.percent": ("{p:.0f} %", "{p:.0f}%"),
    "sd.quality.title": ("Якість для кожного значення", "Quality at each value"),
    "sd.quality.help": (
        "Для кожного значення модель намалювала {images} зображень усіх класів з тими самими "
        "налаштуваннями. Класифікатор-суддя з лаб. 1 показує, яка частка має запитаний клас, а "
        "відстань Фреше — наскільки всі вони разом схожі на реальні зображення (менше — краще).",
        "At each value the model drew {images} images of every class with the same settings. The "
        "judging classifier of Lab 1 tells what share shows the class asked for, and the Fréchet "
        "distance how alike they are, all together, to the real images (lower is better).",
    ),
    "sd.quality.best": (
        "Найменша відстань Фреше: {param} = {value} ({fd}).",
        "Lowest Fréchet distance: {param} = {value} ({fd}).",
    ),
    "sd.vs.about": (
        "Ваш GAN з лаб. 1 і ваша дифузійна модель з вкладки «Своя модель» поруч: ті самі зерна, той "
        "самий пристрій і той самий класифікатор-суддя, навчений на даних дифузійної моделі.",
        "Your GAN of Lab 1 beside your diffusion model of the “Own model” tab: the same seeds, the "
        "same device and the same judging classifier, trained on the diffusion model's data.",
    ),
    "sd.vs.open": ("Порівняти GAN і дифузію на моїх даних", "Compare a GAN and diffusion on my data"),
    "sd.vs.need_gan": (
        "Для порівняння потрібен навчений GAN: навчіть його на вкладці «3 · Навчання» лаб. 1.",
        "The comparison needs a trained GAN: train one in Lab 1's “3 · Train” tab.",
    ),
    "sd.vs.need_own": (
        "Для порівняння потрібна навчена дифузійна модель: навчіть її на вкладці «Своя модель».",
        "The comparison needs a trained diffusion model: train one in the “Own model” tab.",
    ),
    "sd.vs.gan": ("Запуск GAN (лаб. 1)", "GAN run (Lab 1)"),
    "sd.vs.own": ("Дифузійна модель (лаб. 2)", "Diffusion model (Lab 2)"),
    "sd.vs.differ.data": (
        "Ці дві моделі навчено на різних даних (інше джерело або інша кількість зображень): обидві "
        "оцінено за даними дифузійної моделі, тож порівняння нерівне.",
        "These two were trained on different data (another source or another number of images): "
        "both are judged against the diffusion model's data, so the comparison is not even.",
    ),
    "sd.vs.differ.size": (
        "Ці дві моделі навчено на зображеннях різного розміру: зображення GAN перед оцінкою масштабовано "
        "до розміру зображень дифузійної моделі.",
        "These two were trained at different image sizes: the GAN's images are resized to the "
        "diffusion model's size before they are judged.",
    ),
    "sd.vs.differ.channels": (
        "Одну модель навчено на зображеннях у відтінках сірого, другу — на кольорових: зображення GAN перед "
        "оцінкою переведено в кольори дифузійної моделі.",
        "One was trained on gray images, the other on colour ones: the GAN's images are converted "
        "to the diffusion model's colours before they are judged.",
    ),
    "sd.vs.measure": ("Виміряти обидві", "Measure both"),
    "sd.vs.measure_help": (
        "Кожна модель малює {images} {images:plural:зображення|зображення|зображень} (дифузійна — порівну "
        "з кожного класу, по 25 кроків), час вимірюється на цьому пристрої, потім суддя оцінює обидва "
        "набори. Результат зберігається, доки жодна з моделей не продовжить навчання.",
        "Each model draws {images} images (the diffusion model an equal share of every class, 25 "
        "steps each), timed on this device, then the judge scores both sets. The result is kept "
        "until either model trains on.",
    ),
    "sd.vs.phase.loading": ("Готує дані й суддю…", "Preparing the data and the judge…"),
    "sd.vs.phase.gan": ("Малює GAN…", "The GAN draws…"),
    "sd.vs.phase.diffusion": ("Малює дифузійна модель…", "The diffusion model draws…"),
    "sd.vs.phase.judging": ("Оцінює обидва набори…", "Judging both sets…"),
    "sd.vs.phase.done": ("Готово", "Done"),
    "sd.vs.side.gan": ("GAN", "GAN"),
    "sd.vs.side.diffusion": ("Дифузія", "Diffusion"),
    "sd.vs.grid": ("Зображення, які оцінено", "The images that were judged"),
    "sd.vs.figure": ("Показник", "Measure"),
    "sd.vs.row.training": ("Навчання", "Training"),
    "sd.vs.row.per_image": ("Час на одне зображення", "Time per image"),
    "sd.vs.row.fd": ("Відстань Фреше (менше — краще)", "Fréchet distance (lower is better)"),
    "sd.vs.row.accuracy": ("Точність запитаного класу", "Accuracy of the class asked for"),
    "sd.vs.row.coverage": ("Покриття класів", "Classes covered"),
    "sd.vs.row.diversity": ("Різноманітність (1 — як у даних)", "Diversity (1 — as in the data)"),
    "sd.vs.steps_in": (
        "{steps:,} {steps:plural:крок|кроки|кроків} за {time}",
        "{steps:,} {steps:plural:step|steps} in {time}",
    ),
    "sd.vs.reading": (
        "GAN не отримує класу, тож точності класу в нього немає: його покриття класів показує, чи малює він "
        "усі класи. Час на зображення — середній, коли весь набір малюється одним пакетом.",
        "A GAN is not given a class, so it has no class accuracy: its class coverage shows whether "
        "it draws every class. The time per image is the average when the whole set is drawn in one batch.",
    ),
    "sd.vs.speed": (
        "Дифузійна модель витратила на зображення в {ratio:.1f} раза більше часу, ніж GAN: GAN малює за "
        "один прохід генератора, дифузія — за 25 кроків прибирання шуму (удвічі більше проходів U-Net з CFG).",
        "The diffusion model took {ratio:.1f} times as long per image as the GAN: a GAN draws in one "
        "pass of its generator, diffusion in 25 denoising steps (twice as many U-Net passes with CFG).",
    ),
    "sd.vs.over_training": ("Як вони навчалися", "How they trained"),
    "sd.vs.gan_losses": ("GAN: втрати D і G", "GAN: D and G losses"),
    "sd.vs.own_loss": ("Дифузія: втрата прибирання шуму", "Diffusion: denoising loss"),
    "sd.vs.series.loss_d": ("втрата D", "D loss"),
    "sd.vs.series.loss_g": ("втрата G", "G loss"),
    "sd.vs.series.loss": ("втрата", "loss"),
    "sd.vs.losses_help": (
        "Втрати GAN — це гра двох мереж: вони коливаються й не показують, чи стали зразки кращими. Втрата "
        "дифузійної моделі — звичайна регресія (передбачити доданий шум): вона спадає й вирівнюється.",
        "A GAN's losses are a game between two networks: they swing and do not tell whether the "
        "samples got better. A diffusion model's loss is plain regression (predict the added noise): "
        "it falls and levels off.",
    ),
    "sd.vs.diversity_chart": ("Різноманітність зразків під час навчання", "Sample diversity during training"),
    "sd.vs.images_seen": ("Побачено навчальних зображень", "Training images seen"),
    "sd.vs.share": ("Момент навчання", "Point in training"),
    "sd.vs.snapshot": ("Крок {step} з {total}", "Step {step} of {total}"),
    "sd.form.preset": (
        "Готова підказка для варіанта {number} ({name})",
        "Ready-made prompt for variant {number} ({name})",
    ),
    "sd.preset.basic": ("Проста: лише тема", "Basic: the subject only"),
    "sd.preset.detailed": ("Детальна: деталі, світло, кадр", "Detailed: details, light, framing"),
    "sd.preset.artistic": ("Художня: цифрове мистецтво", "Artistic: digital art"),
    "sd.form.prompt": ("Підказка (`prompt`)", "Prompt"),
    "sd.form.prompt_help": (
        "Пишіть англійською: текстовий кодер CLIP навчався на англомовних підписах. "
        "Детальний опис (об'єкт, деталі, стиль, світло) дає кращий результат. Як в AUTOMATIC1111: "
        "`(слово)` посилює увагу до слова в 1,1 раза, `((слово))` — в 1,21, `[слово]` послаблює, "
        "`(слово:1.3)` задає вагу, `\\(` і `\\)` — самі дужки, `BREAK` починає нову частину. "
        "Довга підказка ділиться на частини по 75 токенів, і модель читає всі.",
        "Write in English: the CLIP text encoder was trained on English captions. A detailed "
        "description (subject, details, style, light) gives better results. As in AUTOMATIC1111: "
        "`(word)` raises the attention to a word 1.1×, `((word))` 1.21×, `[word]` lowers it, "
        "`(word:1.3)` sets a weight, `\\(` and `\\)` are the brackets themselves, `BREAK` starts a new "
        "chunk. A long prompt is split into chunks of 75 tokens, and the model reads them all.",
    ),
    "sd.tokens": ("Токени: {used}/{limit}", "Tokens: {used}/{limit}"),
    "sd.tokens.chunks": (
        "{count} {count:plural:частина|частини|частин} по 75: {sizes}",
        "{count} {count:plural:chunk|chunks} of 75: {sizes}",
    ),
    "sd.tokens.unknown": (
        "Кількість токенів з'явиться, щойно модель завантажиться.",
        "The token count appears once the model is loaded.",
    ),
    "sd.form.fixed_size_help": (
        "Ця модель малює зображення лише одного розміру.",
        "This model draws images of one size only.",
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
    "sd.form.batch_count": ("Кількість партій", "Batch count"),
    "sd.form.batch_size": ("Зображень у партії", "Batch size"),
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
    "sd.progress.timing": (
        "Замір часу {round} з {rounds} · зображення {cell} з {cells}",
        "Timed run {round} of {rounds} · image {cell} of {cells}",
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
    "sd.save_as": ("Зберегти як", "Save as"),
    "sd.save_as_help": (
        "PNG зберігає параметри генерації в текстовому блоці «parameters», JPEG і WebP — у полі EXIF "
        "UserComment, як AUTOMATIC1111; вкладка PNG Info читає всі три.",
        "PNG keeps the generation parameters in its “parameters” text chunk, JPEG and WebP in the "
        "EXIF UserComment, as AUTOMATIC1111 does; the PNG Info tab reads all three.",
    ),
    "sd.download": ("Завантажити {kind}", "Download {kind}"),
    "sd.queue.title": (
        "Черга прискорювача: один на всіх, хто працює на цьому сервері",
        "The accelerator's queue: one for everybody on this server",
    ),
    "sd.queue.kind.generation": ("Генерація", "Generation"),
    "sd.queue.kind.sweep": ("Експеримент", "Experiment"),
    "sd.queue.kind.gan": ("Навчання GAN", "GAN training"),
    "sd.queue.kind.other": ("Інша робота", "Other work"),
    "sd.queue.you": ("ваша", "yours"),
    "sd.queue.session": ("інший сеанс #{tag}", "another session #{tag}"),
    "sd.queue.waits": ("чекає {time}", "waiting for {time}"),
    "sd.queue.runs": ("працює {time}", "running for {time}"),
    "sd.queue.leave": ("Скасувати", "Cancel"),
    "sd.parameters": ("Параметри генерації (як у PNG)", "Generation parameters (as stored in the PNG)"),
    # --- img2img and inpaint ----------------------------------------------------------------------
    "sd.i2i.image": ("Початкове зображення", "Initial image"),
    "sd.upload.kept": (
        "Використовується завантажений раніше файл {name}; щоб замінити, завантажте інший.",
        "Using {name}, uploaded earlier; upload another file to replace it.",
    ),
    "sd.i2i.strength": ("Сила зміни (`denoising strength`)", "Denoising strength"),
    "sd.i2i.strength_help": (
        "0 — повернути зображення без змін, 1 — намалювати заново. Модель додає шум на цю "
        "частку шляху й виконує лише відповідну частку кроків.",
        "0 returns the image unchanged, 1 redraws it. The model adds noise that far along the "
        "schedule and runs only that share of the steps.",
    ),
    "sd.inp.about": (
        "Inpainting перемальовує лише частину зображення під маскою (на полотні вона червона, у файлі "
        "маски — біла); решта зображення лишається.",
        "Inpainting repaints only the part of the picture under the mask (red on the canvas, white in "
        "a mask file); the rest of the picture stays.",
    ),
    "sd.inp.mask_source": ("Маска", "Mask"),
    "sd.inp.mask.brush": ("Намалювати пензлем", "Paint with a brush"),
    "sd.inp.mask.rect": ("Прямокутник", "Rectangle"),
    "sd.inp.mask.upload": ("Завантажити файл маски", "Upload a mask file"),
    "sd.inp.mask_file": (
        "Маска (біле — перемалювати, чорне — залишити)",
        "Mask (white = repaint, black = keep)",
    ),
    "sd.inp.rect_help": (
        "Прямокутна область у відсотках розміру зображення.",
        "A rectangular area in percent of the picture's size.",
    ),
    "sd.inp.tool": ("Інструмент", "Tool"),
    "sd.inp.tool.paint": ("Пензель", "Brush"),
    "sd.inp.tool.erase": ("Гумка", "Eraser"),
    "sd.inp.brush_size": ("Розмір пензля, px", "Brush size, px"),
    "sd.inp.brush_size_help": ("У пікселях зображення.", "In pixels of the picture."),
    "sd.inp.zoom": ("Масштаб", "Zoom"),
    "sd.inp.zoom_help": (
        "Збільште полотно, щоб точніше малювати на великому зображенні; тоді його можна прокручувати.",
        "Enlarge the canvas to paint a large picture precisely; it then scrolls.",
    ),
    "sd.inp.undo": ("Скасувати", "Undo"),
    "sd.inp.clear": ("Очистити", "Clear"),
    "sd.inp.brush_help": (
        "Замалюйте мишею те, що треба перемалювати: воно стане червоним. Гумка стирає маску.",
        "Paint over what to repaint with the mouse: it turns red. The eraser removes the mask.",
    ),
    "sd.inp.not_for_model": (
        "Модель «{name}» не вміє перемальовувати частину зображення (inpainting): оберіть іншу.",
        "The model “{name}” cannot inpaint: choose another one.",
    ),
    "sd.inp.mask_blur": ("Розмиття маски, px", "Mask blur, px"),
    "sd.inp.mask_blur_help": (
        "Пом'якшує край маски (гаусове розмиття, σ у пікселях), щоб перемальована частина плавно "
        "переходила в решту. 0 — різкий край.",
        "Softens the mask's edge (a Gaussian blur, σ in pixels) so the repainted part blends into "
        "the rest. 0 is a hard edge.",
    ),
    "sd.inp.masked_content": ("Вміст маски", "Masked content"),
    "sd.inp.masked_content_help": (
        "З чого починає перемальована частина: заливка кольорами довкола (старий об'єкт зникає), "
        "оригінал (форма й кольори лишаються), латентний шум (щось зовсім нове) або порожній латент.",
        "What the repainted part starts from: fill with the colours around it (the old object goes), "
        "the original (its shapes and colours stay), latent noise (something new) or latent nothing.",
    ),
    "sd.inp.content.fill": ("заливка (fill)", "fill"),
    "sd.inp.content.original": ("оригінал (original)", "original"),
    "sd.inp.content.latent noise": ("латентний шум (latent noise)", "latent noise"),
    "sd.inp.content.latent nothing": ("порожній латент (latent nothing)", "latent nothing"),
    "sd.inp.area": ("Область", "Inpaint area"),
    "sd.inp.area.whole": ("Усе зображення", "Whole picture"),
    "sd.inp.area.masked": ("Лише маска", "Only masked"),
    "sd.inp.area_help": (
        "«Лише маска» вирізає прямокутник навколо маски, перемальовує його в повному розмірі "
        "генерації (більше деталей на малій ділянці) і вставляє назад; зображення лишається свого розміру.",
        "“Only masked” cuts out the box around the mask, repaints it at the full generation size "
        "(more detail in a small area) and pastes it back; the picture keeps its size.",
    ),
    "sd.inp.padding": ("Відступ навколо маски, px", "Only masked padding, px"),
    "sd.inp.padding_help": (
        "Скільки зображення довкола маски потрапляє у вирізаний прямокутник: що більше, то краще "
        "перемальоване узгоджується з оточенням.",
        "How much of the picture around the mask goes into the box: more fits the surroundings better.",
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
        "Порівняйте деталізацію зображень і час: графік проводить через виміри пряму "
        "«час = нахил · кроки + сталі витрати» і каже, наскільки добре вона їх описує.",
        "The manual's experiment 1: the same seed and prompt with different step counts. "
        "Compare the detail of the images and the time: the chart draws the line "
        "“time = slope · steps + fixed cost” through the measurements and says how well it fits them.",
    ),
    "sd.exp.about.style": (
        "Експеримент 2 методички: тема з вкладки txt2img у різних стилях (фото, олія, "
        "акварель, олівець, аніме, вектор…) з тим самим зерном.",
        "The manual's experiment 2: the txt2img tab's subject in different styles (photo, oil, "
        "watercolour, pencil, anime, vector…) with the same seed.",
    ),
    "sd.exp.about.size": (
        "Експеримент 3 методички: час генерації для різних розмірів. Графік показує, як час "
        "залежить від кількості пікселів, і степеневу залежність t = a·пікселі^b: b ≈ 1 — лінійна.",
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
    "sd.exp.repeats": ("Замірів часу на зображення", "Timed runs per image"),
    "sd.exp.repeats_help": (
        "Кожне зображення генерується стільки разів (перший раз — щоб його зберегти, решта — лише "
        "заради часу), а в результатах стоїть медіана й розкид від найшвидшого до найповільнішого "
        "заміру. Три заміри — медіана, яку один випадковий збій не зрушить; кожен замір коштує "
        "цілого зображення, тож для справжньої моделі на процесорі можна взяти 1.",
        "Each image is generated this many times (the first to keep it, the others only for its "
        "time); the results show the median and the spread from the fastest to the slowest run. "
        "Three runs give a median that one disturbed run cannot move; each run costs a whole "
        "image, so with a real model on a CPU you may take 1.",
    ),
    "sd.exp.run": ("Запустити експеримент", "Run experiment"),
    "sd.exp.past": ("Збережені експерименти", "Saved experiments"),
    "sd.exp.past_pick": ("Відкрити збережений експеримент…", "Open a saved experiment…"),
    "sd.exp.delete": ("Видалити", "Delete"),
    "sd.exp.zip_help": (
        "Усі зображення експерименту, results.csv і sweep.json одним архівом — для звіту.",
        "All the experiment's images, results.csv and sweep.json in one archive — for your report.",
    ),
    "sd.exp.failed": (
        "Експеримент не вдався; подробиці — у журналі сервера.",
        "The experiment failed; the server's log has the details.",
    ),
    "sd.exp.stopped": (
        "Експеримент зупинено: готово {done} з {total} {total:plural:зображення|зображень|зображень}, "
        "вони нижче.",
        "The experiment was stopped: {done} of {total} {total:plural:image|images} are done, shown below.",
    ),
    "sd.exp.cut": (
        "Експеримент перервано перезапуском сервера: готово {done} з {total} "
        "{total:plural:зображення|зображень|зображень}, вони нижче. Щоб отримати решту, запустіть його знову.",
        "The experiment was cut short by a server restart: {done} of {total} "
        "{total:plural:image|images} are done, shown below. Run it again for the rest.",
    ),
    "sd.exp.cells_failed": (
        "Не вдалося згенерувати {n} з {total} {total:plural:зображення|зображень|зображень}:",
        "{n} of {total} {total:plural:image|images} could not be generated:",
    ),
    "sd.exp.no_cells": (
        "Ще немає готових зображень у цьому експерименті.",
        "This experiment has no finished images yet.",
    ),
    "sd.exp.warmup": (
        "Розігрівні генерації тривали {time} і не враховані: на них припадає завантаження "
        "моделі, виділення пам'яті й вибір ядер для кожного розміру.",
        "The warm-up generations took {time} and are not counted: they pay for loading the "
        "model, allocating memory and choosing kernels at each size.",
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
    "sd.col.seconds": ("Час (медіана)", "Time (median)"),
    "sd.col.spread": ("Від найшвидшого до найповільнішого", "Fastest to slowest"),
    "sd.col.seconds_per_step": ("На крок", "Per step"),
    "sd.col.prompt": ("Підказка", "Prompt"),
    # --- charts -----------------------------------------------------------------------------------
    "sd.chart.seconds": ("Час на зображення, с", "Time per image, s"),
    "sd.chart.measured": ("Виміряно", "Measured"),
    "sd.chart.line_fit_r2": ("Пряма (R² = {r2:.3f})", "Straight line (R² = {r2:.3f})"),
    "sd.chart.power_fit": (
        "Степенева: b = {b:.2f} (R² = {r2:.3f})",
        "Power law: b = {b:.2f} (R² = {r2:.3f})",
    ),
    "sd.chart.b_value": ("{b:.2f}", "{b:.2f}"),
    "sd.chart.r2_value": ("{r2:.3f}", "{r2:.3f}"),
    "sd.chart.range": ("{low} – {high}", "{low} – {high}"),
    "sd.chart.median": (
        "Точка — медіана {n} {n:plural:заміру|замірів|замірів} кожного зображення, риска — від "
        "найшвидшого до найповільнішого заміру.",
        "Each point is the median of {n} timed {n:plural:run|runs} of its image; the whisker spans "
        "the fastest to the slowest run.",
    ),
    "sd.chart.median_grid": (
        "У клітинці — медіана {n} {n:plural:заміру|замірів|замірів} зображення; розкид від "
        "найшвидшого до найповільнішого видно, якщо навести на неї курсор, і в таблиці.",
        "Each cell holds the median of {n} timed {n:plural:run|runs} of its image; the spread from "
        "the fastest to the slowest shows on hover and in the table.",
    ),
    "sd.chart.one_run": (
        "Кожне зображення виміряно один раз: розкиду не видно, а окремий замір може бути випадковим "
        "(фонова робота сервера, інші користувачі). Для стійких чисел візьміть 3 заміри.",
        "Each image was timed once: there is no spread to see, and a single run may be a fluke "
        "(background work, other users). Take 3 runs for stable figures.",
    ),
    "sd.chart.noisy": (
        "Заміри одного й того самого зображення різняться аж у {ratio:.1f} раза: сервер був зайнятий "
        "іншою роботою, тож і медіани можуть зсуватися. Для стійкіших чисел повторіть експеримент, "
        "коли сервер вільніший, або візьміть більше замірів.",
        "Runs of the same image differ by up to {ratio:.1f}×: the server was busy with other work, so "
        "even the medians may shift. For steadier figures, repeat the experiment when the server is "
        "less busy, or take more runs.",
    ),
    "sd.chart.cfg_note": (
        "Час майже не залежить від значення CFG: за CFG понад 1 U-Net на кожному кроці рахує два "
        "варіанти (з підказкою і без), тож стрибок часу є лише між CFG ≤ 1 і CFG > 1.",
        "Time hardly depends on the CFG value: above CFG 1 the U-Net computes two predictions per "
        "step (with and without the prompt), so time jumps only between CFG ≤ 1 and CFG > 1.",
    ),
    "sd.chart.steps": ("Час на зображення залежно від кількості кроків", "Time per image vs steps"),
    "sd.chart.cfg": ("Час на зображення залежно від CFG", "Time per image vs CFG"),
    "sd.chart.per_value": ("Час на зображення", "Time per image"),
    "sd.chart.xy": ("Час на зображення, с", "Time per image, s"),
    "sd.chart.size": ("Час генерації залежно від кількості пікселів", "Generation time vs pixel count"),
    "sd.chart.pixels": ("Кількість пікселів (ширина × висота)", "Pixels (width × height)"),
    "sd.chart.per_step": ("Час на крок", "Time per step"),
    "sd.chart.per_step_help": (
        "Нахил прямої «час = нахил · кроки + сталі витрати»; сталі витрати (≈ {overhead}) — "
        "кодування тексту й декодування VAE, які не залежать від кількості кроків.",
        "The slope of the line “time = slope · steps + fixed cost”; the fixed cost (≈ {overhead}) is "
        "text encoding and VAE decoding, which do not depend on the number of steps.",
    ),
    "sd.chart.steps.holds": (
        "Час росте лінійно з кількістю кроків: кожен крок додає ≈ {per_step} (R² = {r2:.3f}).",
        "Time grows linearly with the number of steps: each step adds ≈ {per_step} (R² = {r2:.3f}).",
    ),
    "sd.chart.steps.poor": (
        "Пряма погано описує виміри (R² = {r2:.2f}), тож ≈ {per_step} на крок — лише груба оцінка, "
        "а не закон. Заміри, певно, збурила інша робота на сервері: візьміть більше замірів або "
        "ширший діапазон кроків.",
        "The line fits the measurements poorly (R² = {r2:.2f}), so ≈ {per_step} per step is only a "
        "rough estimate, not a law. Other work on the server probably disturbed the runs: take more "
        "runs or a wider range of steps.",
    ),
    "sd.chart.steps.flat": (
        "У цих вимірах час не зростає з кількістю кроків: розкид замірів більший за ціну кроку, тож "
        "часу на крок вони не показують. Візьміть більше замірів або ширший діапазон (напр. 1, 10, 20, 50).",
        "In these measurements time does not grow with the number of steps: the spread of the runs "
        "is larger than what a step costs, so they show no time per step. Take more runs or a wider "
        "range (e.g. 1, 10, 20, 50).",
    ),
    "sd.chart.need_three_steps": (
        "Щоб побачити, як час залежить від кроків, потрібні щонайменше три різні значення: пряма "
        "через дві точки проходить завжди.",
        "To see how time depends on the steps, at least three different values are needed: a line "
        "always passes through two points.",
    ),
    "sd.chart.need_three_sizes": (
        "Щоб побачити, як час залежить від розміру, потрібні щонайменше три різні розміри: крива "
        "через дві точки проходить завжди.",
        "To see how time depends on the size, at least three different sizes are needed: a curve "
        "always passes through two points.",
    ),
    "sd.chart.size.poor": (
        "Жодна крива не описує виміри добре (R² степеневої = {r2:.2f}), тож закону зростання "
        "часу за ними не назвати: b = {b:.2f} — лише груба оцінка. Візьміть більше замірів або розмірів.",
        "No curve fits the measurements well (R² of the power law = {r2:.2f}), so they name no law "
        "of growth: b = {b:.2f} is only a rough estimate. Take more runs or more sizes.",
    ),
    "sd.chart.size.flat": (
        "У цих вимірах час не зростає з кількістю пікселів (b = {b:.2f}): розкид замірів більший "
        "за різницю між розмірами. Візьміть більше замірів або ширший діапазон розмірів.",
        "In these measurements time does not grow with the pixel count (b = {b:.2f}): the spread of "
        "the runs is larger than the difference between the sizes. Take more runs or a wider range of sizes.",
    ),
    "sd.chart.exponent": ("Показник b у t = a·пікселі^b", "Exponent b in t = a·pixels^b"),
    "sd.chart.exponent_help": (
        "b = 1 — час пропорційний кількості пікселів, b = 2 — квадратичний (як увага між усіма парами латентних пікселів).",
        "b = 1: time proportional to pixel count; b = 2: quadratic (like attention between all latent pixels).",
    ),
    "sd.chart.r2_power": ("R² степеневої", "R² of the power law"),
    "sd.chart.r2_line": ("R² прямої", "R² of the line"),
    "sd.chart.verdict.linear": (
        "b = {b:.2f}: час росте майже лінійно з кількістю пікселів — удвічі більше пікселів, удвічі довше.",
        "b = {b:.2f}: time grows almost linearly with pixel count — twice the pixels, twice the time.",
    ),
    "sd.chart.verdict.super": (
        "b = {b:.2f}: час росте швидше за кількість пікселів. Причина — самоувага (self-attention) "
        "у U-Net: її вартість зростає квадратично з кількістю латентних пікселів.",
        "b = {b:.2f}: time grows faster than the pixel count. The cause is the U-Net's "
        "self-attention, whose cost is quadratic in the number of latent pixels.",
    ),
    "sd.chart.verdict.sub": (
        "b = {b:.2f}: час росте повільніше за кількість пікселів — на малих розмірах переважають "
        "сталі витрати (кодування тексту, запуск ядер), а прискорювач завантажений не повністю.",
        "b = {b:.2f}: time grows slower than the pixel count — at small sizes fixed costs (text "
        "encoding, kernel launches) dominate and the accelerator is not fully busy.",
    ),
    # --- PNG info and LoRA ------------------------------------------------------------------------
    "sd.png.upload": ("Зображення (PNG, JPEG або WebP)", "Image (PNG, JPEG or WebP)"),
    "sd.png.upload_help": (
        "AUTOMATIC1111 і ця сторінка записують параметри генерації в PNG у текстовий блок "
        "«parameters», а в JPEG і WebP — у поле EXIF UserComment.",
        "AUTOMATIC1111 and this page store the generation parameters in a PNG's text chunk "
        "“parameters”, and in a JPEG's or WebP's EXIF UserComment.",
    ),
    "sd.png.none": (
        "У цьому зображенні немає параметрів генерації.",
        "This image carries no generation parameters.",
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
        "Вкажіть хоча б одне значення для параметра «{param}».",
        "Enter at least one value for “{param}”.",
    ),
    "sd.exp.err.bad_whole": (
        "«{value}» не підходить для параметра «{param}»: потрібне ціле число від {lo:,} до {hi:,}.",
        "“{value}” does not fit “{param}”: a whole number from {lo:,} to {hi:,} is needed.",
    ),
    "sd.exp.err.bad_number": (
        "«{value}» не підходить для параметра «{param}»: потрібне число від {lo} до {hi}.",
        "“{value}” does not fit “{param}”: a number from {lo} to {hi} is needed.",
    ),
    "sd.exp.err.bad_size": (
        "«{value}» — не розмір: напишіть сторону квадрата (512) або ширину×висоту (512x768).",
        "“{value}” is not a size: write a square's side (512) or width×height (512x768).",
    ),
    "sd.exp.err.bad_style": ("Стилю «{value}» немає серед відомих.", "There is no known style “{value}”."),
    "sd.exp.err.range_step": (
        "У діапазоні «{range}» крок у дужках має бути більшим за 0, напр. 10-50 (+10).",
        "In the range “{range}” the step in brackets must be above 0, e.g. 10-50 (+10).",
    ),
    "sd.exp.err.range_count": (
        "У діапазоні «{range}» кількість значень у квадратних дужках має бути від 1 до {max}, напр. 1-15 [5].",
        "In the range “{range}” the number of values in square brackets must be from 1 to {max}, e.g. 1-15 [5].",
    ),
    "sd.exp.err.repeats": (
        "Замірів часу має бути від 1 до {max}, а не {value}.",
        "Timed runs must be from 1 to {max}, not {value}.",
    ),
    "sd.exp.err.size_multiple": (
        "Сторона {value} не кратна 8: VAE стискає зображення у 8 разів, тож кожна сторона має ділитися на 8.",
        "Side {value} is not a multiple of 8: the VAE shrinks images 8×, so each side must divide by 8.",
    ),
    "sd.exp.err.size_range": (
        "Сторона {value} px поза межами {lo}–{hi} px.",
        "A side of {value} px is outside {lo}–{hi} px.",
    ),
    "sd.exp.err.too_many": (
        "Забагато зображень для одного експерименту: {n}, а можна не більше {max}.",
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
        "(повзунок «Кроки») перетворює його на зображення. Етапи в Stable Diffusion: текстовий кодер CLIP "
        "→ шум у латентному просторі → U-Net крок за кроком передбачає шум і прибирає його під керуванням "
        "тексту → декодер VAE перетворює латент на пікселі. Нижче — ваша генерація з txt2img на вибраних "
        "кроках: шумний латент, він же декодований і прогноз моделі, яким буде чисте зображення.",
        "The model learns to remove noise: generation starts from pure noise and turns it into an image "
        "in N steps (the Steps slider). The stages in Stable Diffusion: the CLIP text encoder → noise in "
        "latent space → the U-Net predicts the noise step by step and removes it, guided by the text → "
        "the VAE decoder turns the latent into pixels. Below: your txt2img generation at the steps you "
        "pick — the noisy latent, the same decoded, and the model's prediction of the clean image.",
    ),
    "sd.q.2": (
        "Які параметри впливають на якість результатів у Stable Diffusion?",
        "Which parameters affect the quality of Stable Diffusion's results?",
    ),
    "sd.a.2": (
        "Кроки, CFG Scale, семплер, розмір (рідний для моделі — найкращий), зерно, сама підказка та "
        "негативна підказка, модель і LoRA. Нижче — ваші серії з вкладки **Експерименти** поруч: "
        "зображення кожної з виміряним часом і що змінилося; серію, якої ще немає, запускає одна кнопка.",
        "Steps, CFG Scale, the sampler, the size (the model's native one is best), the seed, the prompt "
        "and negative prompt, the model and LoRAs. Below: your sweeps from the **Experiments** tab side "
        "by side — each one's pictures with their measured times and what changed; a sweep you have not "
        "run yet is one button away.",
    ),
    "sd.q.3": (
        "Як Stable Diffusion оптимізує процес генерації зображень?",
        "How does Stable Diffusion make image generation cheaper?",
    ),
    "sd.a.3": (
        "Дифузія йде не в пікселях, а в латентному просторі VAE: зображення 512×512×3 (786 432 числа) "
        "стискається до 64×64×4 (16 384 числа) — у 48 разів менше, тож кожен крок U-Net значно дешевший. "
        "Кращі семплери (DPM++, UniPC) доходять до того самого зображення за менше кроків. Нижче — ці "
        "числа, виміряні на цьому комп'ютері.",
        "Diffusion runs not on pixels but in the VAE's latent space: a 512×512×3 image (786,432 numbers) "
        "is compressed to 64×64×4 (16,384 numbers) — 48× fewer, so each U-Net step costs far less. "
        "Better samplers (DPM++, UniPC) reach the same picture in fewer steps. Below: these figures, "
        "measured on this machine.",
    ),
    "sd.q.4": ("Чим дифузійні моделі відрізняються від GAN?", "How do diffusion models differ from GANs?"),
    "sd.a.4": (
        "GAN створює зображення за один прохід генератора й навчається у змаганні з дискримінатором "
        "(нестабільно, можливий колапс мод — див. лаб. 1). Дифузійна модель навчається стабільно на "
        "простій задачі прибирання шуму, краще покриває різноманіття даних і керується текстом, але "
        "генерує за десятки кроків. Нижче — ваші GAN і дифузійна модель на тих самих даних, виміряні "
        "однаково.",
        "A GAN makes an image in one generator pass and learns by competing with a discriminator "
        "(unstable, prone to mode collapse — see Lab 1). A diffusion model trains stably on a simple "
        "denoising task, covers the data's variety better and is steered by text, but generates in tens "
        "of steps. Below: your GAN and diffusion model on the same data, measured alike.",
    ),
    "sd.q.5": (
        "Які є переваги та недоліки використання Stable Diffusion?",
        "What are the advantages and disadvantages of Stable Diffusion?",
    ),
    "sd.a.5": (
        "Переваги: відкриті ваги, робота локально, керування текстом, img2img, inpainting, LoRA й власні "
        "моделі, висока якість, дешевші кроки в латентному просторі. Недоліки: повільніше за GAN, потрібні "
        "GPU й багато пам'яті, артефакти (руки, текст), залежність від формулювання підказки, питання "
        "авторських прав. Нижче — таблиця, де кожну перевагу й недолік підтверджує ваше вимірювання.",
        "Advantages: open weights, runs locally, text control, img2img, inpainting, LoRA and custom "
        "models, high quality, cheaper steps in latent space. Disadvantages: slower than a GAN, needs a "
        "GPU and lots of memory, artefacts (hands, text), sensitivity to the prompt's wording, copyright "
        "questions. Below: a table in which your own measurements back each advantage and disadvantage.",
    ),
    # --- control questions: the live answers (ui/diffusion/questions*.py) --------------------------
    "sd.qa.tiny_note": (
        "Модель угорі не вибрано, тому тут працює крихітна демомодель (випадкові ваги: замість картинок "
        "— кольоровий шум, але етапи й вимірювання ті самі).",
        "No model is picked above — the tiny demo model works here (random weights: coloured noise "
        "instead of pictures, but the same stages and measurements).",
    ),
    "sd.qa.from_t2i": ("Налаштування з txt2img: {summary}", "txt2img's settings: {summary}"),
    "sd.qa.seed": ("Зерно для етапів", "Seed for the stages"),
    "sd.qa.seed_help": (
        "У txt2img зерно випадкове (−1), а етапи показують одне зображення з відомим зерном.",
        "txt2img's seed is random (−1), and the stages show one image of a known seed.",
    ),
    "sd.qa.stages_go": ("Показати етапи генерації", "Show the stages of the generation"),
    "sd.qa.denoising": (
        "Прибираю шум: крок {step} з {steps}",
        "Removing noise: step {step} of {steps}",
    ),
    "sd.qa.older": (
        "Ці етапи отримано з попередніми налаштуваннями ({summary}); натисніть кнопку ще раз, щоб побачити "
        "поточні.",
        "These stages are of earlier settings ({summary}); press the button again for the current ones.",
    ),
    "sd.qa.steps_shown": ("Кроки, які показати", "Steps to show"),
    "sd.qa.pick_steps": ("Виберіть хоча б один крок.", "Pick at least one step."),
    "sd.qa.step_noise": ("0: чистий шум", "0: pure noise"),
    "sd.qa.step_result": ("{steps}: результат", "{steps}: the result"),
    "sd.qa.step": ("крок {step} з {steps}", "step {step} of {steps}"),
    "sd.qa.row.latent": (
        "Шумний латент xₜ — його канали, кожен у власному діапазоні",
        "The noisy latent xₜ — its channels, each in its own range",
    ),
    "sd.qa.row.noisy": ("Той самий латент xₜ, декодований VAE", "The same latent xₜ, decoded by the VAE"),
    "sd.qa.row.predicted": (
        "Прогноз моделі, яким буде чисте зображення x̂₀ (декодований)",
        "The model's prediction of the clean image x̂₀ (decoded)",
    ),
    "sd.qa.row.noisy_pixels": ("Шумне зображення xₜ", "The noisy image xₜ"),
    "sd.qa.row.predicted_pixels": (
        "Прогноз моделі, яким буде чисте зображення x̂₀",
        "The model's prediction of the clean image x̂₀",
    ),
    "sd.qa.strip_help": (
        "На кожному кроці U-Net передбачає шум ε у xₜ, тож і чисте зображення x̂₀ = (xₜ − √(1−ᾱₜ)·ε) / √ᾱₜ; "
        "семплер робить крок від xₜ у бік x̂₀. Спершу прогноз розмитий, бо шуму багато; далі проступають "
        "деталі, і на останньому кроці xₜ і x̂₀ збігаються з результатом. Усе відбувається в латенті "
        "(4 канали, сторона у 8 разів менша) — VAE декодує лише кінцевий латент.",
        "At each step the U-Net predicts the noise ε in xₜ, and so the clean image x̂₀ = "
        "(xₜ − √(1−ᾱₜ)·ε) / √ᾱₜ; the sampler steps from xₜ towards x̂₀. At first the prediction is "
        "blurred, as there is much noise; then details come through, and at the last step xₜ and x̂₀ "
        "meet in the result. All of it happens in the latent (4 channels, a side 8 times smaller) — the "
        "VAE decodes only the final latent.",
    ),
    "sd.qa.strip_help_pixels": (
        "Ця модель навчена тут і прибирає шум безпосередньо з пікселів — латента й VAE в неї немає. "
        "На кожному кроці вона передбачає шум ε, тож і чисте зображення x̂₀; семплер робить крок від "
        "xₜ у бік x̂₀, і на останньому кроці вони збігаються.",
        "This model was trained here and removes noise from the pixels themselves — it has no latent and "
        "no VAE. At each step it predicts the noise ε, and so the clean image x̂₀; the sampler steps from "
        "xₜ towards x̂₀, and at the last step they meet.",
    ),
    "sd.qa.strip_time": (
        "{steps} {steps:plural:виклик|виклики|викликів} U-Net за {time}; зображення те саме, що дає txt2img з "
        "цими налаштуваннями.",
        "{steps} U-Net {steps:plural:call|calls} in {time}; the image is the one txt2img makes with these "
        "settings.",
    ),
    "sd.qa.err.step": (
        "Кроку {step} немає: усього їх {steps}.",
        "There is no step {step}: there are {steps}.",
    ),
    "sd.qa.err.seed": (
        "Етапи показують зображення з відомим зерном: задайте зерно, не менше за 0.",
        "The stages show an image of a known seed: set a seed of 0 or more.",
    ),
    "sd.qa.which_sweep": ("Серія", "Sweep"),
    "sd.qa.changed": (
        "Змінювався лише параметр «{param}»: від {first} до {last}; час на зображення {first_time} "
        "→ {last_time} (×{ratio}). Решта однакова: {base} · {model}.",
        "Only “{param}” changed: from {first} to {last}; the time per image {first_time} → {last_time} "
        "(×{ratio}). The rest is the same: {base} · {model}.",
    ),
    "sd.qa.no_sweep": (
        "Ще немає ваших серій: {params}. Запустіть серію однією кнопкою — з налаштуваннями txt2img:",
        "You have no sweeps of these yet: {params}. Run one with a click — with txt2img's settings:",
    ),
    "sd.qa.sweep_go": ("Запустити серію «{param}»", "Run a “{param}” sweep"),
    "sd.qa.sweeping": ("Серія генерується…", "The sweep is running…"),
    "sd.qa.fixed_size": (
        "Ця модель малює лише один розмір ({size} px), тож змінювати тут нічого.",
        "This model draws one size only ({size} px): there is nothing to vary.",
    ),
    "sd.qa.sweeps_help": (
        "Кожна серія змінює один параметр, а все інше (підказка, зерно, семплер…) лишає як у txt2img, тож "
        "зображення відрізняються лише через цей параметр. Час — медіана кількох вимірювань. Більше "
        "(графіки й апроксимації) — на вкладці «Експерименти».",
        "Each sweep changes one parameter and keeps everything else (prompt, seed, sampler…) as in "
        "txt2img, so the pictures differ by that parameter alone. Times are medians of several runs. "
        "More (charts and fits) is in the Experiments tab.",
    ),
    "sd.qa.measure": ("Виміряти на цьому комп'ютері", "Measure on this machine"),
    "sd.qa.measure_help": (
        "Порахує числа в зображенні й латенті, засіче час кроку U-Net на латенті й на зображенні "
        "{side}×{side} і згенерує вашу картинку кожним семплером за різну кількість кроків та порівняє "
        "її з еталоном із {steps} {steps:plural:кроку|кроків|кроків}.",
        "Counts the values in the picture and the latent, times a U-Net step on the latent and on a "
        "{side}×{side} picture, and draws your picture with each sampler at several step counts, compared "
        "with a reference of {steps} steps.",
    ),
    "sd.qa.measuring": ("Вимірюю: {done} з {total}", "Measuring: {done} of {total}"),
    "sd.qa.measured": (
        "Виміряно: {model}, {device}, {when}; зображення {width}×{height}.",
        "Measured: {model}, {device}, {when}; picture {width}×{height}.",
    ),
    "sd.qa.pixel_space": (
        "Ця модель прибирає шум безпосередньо з пікселів ({shape}): латента немає, тож і заощаджувати нема "
        "на чому. Stable Diffusion для 512×512 працює з латентом 4×64×64 — у 48 разів меншим за зображення.",
        "This model removes noise from the pixels themselves ({shape}): there is no latent, so nothing to "
        "save with one. Stable Diffusion at 512×512 works on a 4×64×64 latent — 48 times smaller than the "
        "picture.",
    ),
    "sd.qa.picture_values": (
        "Чисел у зображенні {width}×{height}×3",
        "Values in a {width}×{height}×3 picture",
    ),
    "sd.qa.latent_values": ("Чисел у латенті {shape}", "Values in the latent {shape}"),
    "sd.qa.fewer": ("У латенті менше в", "Fewer in the latent by"),
    "sd.qa.times": ("{ratio:,} {ratio:plural:раз|рази|разів}", "{ratio:,}×"),
    "sd.qa.values_help": (
        "VAE зменшує кожну сторону в {factor} {factor:plural:раз|рази|разів} і зберігає {channels} "
        "{channels:plural:канал|канали|каналів} замість 3 кольорів; U-Net прибирає шум саме з латента.",
        "The VAE shrinks each side {factor} times and keeps {channels} channels instead of 3 colours; the "
        "U-Net removes noise from the latent itself.",
    ),
    "sd.qa.unet_latent": ("Крок U-Net на латенті {side}×{side}", "A U-Net step on a {side}×{side} latent"),
    "sd.qa.unet_pixels": ("Той самий крок на {side}×{side}", "The same step on {side}×{side}"),
    "sd.qa.slower": ("У пікселях повільніше в", "Slower in pixels by"),
    "sd.qa.unet_help": (
        "Та сама U-Net на тензорі розміру латента зображення {side}×{side} і на тензорі розміру самого "
        "зображення — стільки коштував би кожен крок дифузії в пікселях; медіана з {repeats} "
        "{repeats:plural:вимірювання|вимірювань|вимірювань} після розігріву.",
        "The same U-Net on a tensor the size of a {side}×{side} picture's latent and on one the size of "
        "the picture itself — what each diffusion step would cost in pixels; the median of {repeats} runs "
        "after a warm-up.",
    ),
    "sd.qa.unet_pixels_only": (
        "Крок U-Net цієї моделі на зображенні {side}×{side}: {time}.",
        "A U-Net step of this model on a {side}×{side} picture: {time}.",
    ),
    "sd.qa.samplers_chart": (
        "Відстань до еталона ({reference}, {steps} {steps:plural:крок|кроки|кроків})",
        "Distance to the reference ({reference}, {steps} steps)",
    ),
    "sd.qa.distance": ("Відстань (частка розкиду латента)", "Distance (share of the latent's spread)"),
    "sd.qa.tolerance_line": ("«те саме зображення»", "“the same picture”"),
    "sd.qa.col.steps": ("Кроків до «того самого»", "Steps to “the same”"),
    "sd.qa.col.calls": ("Викликів U-Net", "U-Net calls"),
    "sd.qa.more_than": ("понад {steps}", "over {steps}"),
    "sd.qa.saved": (
        "{best} доходить до того самого зображення за {best_steps} {best_steps:plural:крок|кроки|кроків}, "
        "{worst} — за {worst_steps}: це на {saved} {saved:plural:виклик|виклики|викликів} U-Net менше.",
        "{best} reaches the same picture in {best_steps} {best_steps:plural:step|steps}, {worst} in "
        "{worst_steps}: {saved} U-Net {saved:plural:call|calls} fewer.",
    ),
    "sd.qa.samplers_help": (
        "«Те саме зображення» — латент, що відрізняється від еталона менш ніж на {tolerance:.0f}\u00a0% "
        "його розкиду. Heun за крок викликає U-Net двічі, тож рахуйте виклики. Семплери з «a» і SDE "
        "на кожному кроці додають новий шум і не сходяться до одного зображення, тому їх тут немає.",
        "“The same picture” is a latent within {tolerance:.0f}% of the reference's spread. Heun calls the "
        "U-Net twice a step, so count the calls. Samplers with “a” and SDE add fresh noise at every step "
        "and settle on no one picture — they are left out.",
    ),
    "sd.qa.no_comparison": (
        "Порівняння ще немає: відкрийте вкладку «GAN проти дифузії» і натисніть «Виміряти обидві».",
        "There is no comparison yet: open the “GAN vs diffusion” tab and press “Measure both”.",
    ),
    "sd.qa.comparison": (
        "Найновіше порівняння: **{gan}** і **{own}**",
        "The newest comparison: **{gan}** and **{own}**",
    ),
    "sd.qa.comparison_help": (
        "Дифузія витрачає на зображення в {ratio:.1f} раза більше часу, бо робить десятки кроків U-Net, "
        "а GAN — один прохід генератора. Відстань Фреше й покриття класів вимірює той самий "
        "класифікатор-зонд.",
        "Diffusion takes {ratio:.1f} times as long per image, as it makes tens of U-Net steps where a GAN "
        "makes one generator pass. The Fréchet distance and class coverage come from the same probe.",
    ),
    "sd.qa.col.aspect": ("Аспект", "Aspect"),
    "sd.qa.col.side": ("Перевага чи недолік", "Pro or con"),
    "sd.qa.col.measured": ("Виміряно у вас", "Your measurement"),
    "sd.qa.col.where": ("Де виміряти", "Where to measure"),
    "sd.qa.side.pro": ("перевага", "pro"),
    "sd.qa.side.con": ("недолік", "con"),
    "sd.qa.aspect.latent": ("Латентний простір", "Latent space"),
    "sd.qa.aspect.unet": ("Ціна кроку U-Net", "Cost of a U-Net step"),
    "sd.qa.aspect.samplers": ("Кращі семплери", "Better samplers"),
    "sd.qa.aspect.per_step": ("Десятки кроків", "Tens of steps"),
    "sd.qa.aspect.guidance": ("Керування підказкою (CFG)", "Prompt guidance (CFG)"),
    "sd.qa.aspect.size": ("Більший розмір", "Larger size"),
    "sd.qa.aspect.speed": ("Швидкість проти GAN", "Speed against a GAN"),
    "sd.qa.aspect.quality": ("Якість проти GAN", "Quality against a GAN"),
    "sd.qa.m.latent": (
        "у {ratio:,} {ratio:plural:раз|рази|разів} менше чисел, ніж у зображенні ({model})",
        "{ratio:,}× fewer values than in the picture ({model})",
    ),
    "sd.qa.m.unet": (
        "крок на латенті в {ratio:,} {ratio:plural:раз|рази|разів} швидший, ніж на зображенні {side}×{side}",
        "a step on the latent {ratio:,}× faster than on a {side}×{side} picture",
    ),
    "sd.qa.m.samplers": (
        "{best}: {best_steps} {best_steps:plural:крок|кроки|кроків} до того самого зображення (з точністю "
        "{tolerance:.0f}\u00a0%), {worst}: {worst_steps}",
        "{best}: {best_steps} steps to the same picture (within {tolerance:.0f}%), {worst}: {worst_steps}",
    ),
    "sd.qa.m.per_step": (
        "кожен крок — {time} (R² = {r2:.2f}, {model}): 50 кроків — у 50 разів довше",
        "every step costs {time} (R² = {r2:.2f}, {model}): 50 steps take 50 times as long",
    ),
    "sd.qa.m.per_step_flat": (
        "зі збільшенням кількості кроків час не зростав помітно понад шум ({model}): повторіть серію "
        "з більшою кількістю кроків",
        "time did not grow visibly above the noise ({model}): repeat the sweep with more steps",
    ),
    "sd.qa.m.guidance": (
        "з CFG > 1 зображення генерується в {ratio:.1f} раза довше: U-Net працює двічі ({model})",
        "with CFG > 1 an image takes {ratio:.1f}× as long: the U-Net runs twice ({model})",
    ),
    "sd.qa.m.size": (
        "час ∝ пікселі^{b:.2f} (R² = {r2:.2f}, {model})",
        "time ∝ pixels^{b:.2f} (R² = {r2:.2f}, {model})",
    ),
    "sd.qa.m.speed": (
        "на зображення в {ratio:.1f} раза довше, ніж GAN",
        "{ratio:.1f}× as long per image as a GAN",
    ),
    "sd.qa.m.quality": (
        "відстань Фреше {own:.1f} проти {gan:.1f} у GAN (менше — краще)",
        "Fréchet distance {own:.1f} against the GAN's {gan:.1f} (lower is better)",
    ),
    "sd.qa.where.latent": ("запитання 3", "question 3"),
    "sd.qa.where.unet": ("запитання 3", "question 3"),
    "sd.qa.where.samplers": ("запитання 3", "question 3"),
    "sd.qa.where.per_step": ("Експерименти → Кроки", "Experiments → Steps"),
    "sd.qa.where.guidance": ("Експерименти → CFG (з 1)", "Experiments → CFG (with 1)"),
    "sd.qa.where.size": ("Експерименти → Розмір і час", "Experiments → Size vs time"),
    "sd.qa.where.speed": ("GAN проти дифузії", "GAN vs diffusion"),
    "sd.qa.where.quality": ("GAN проти дифузії", "GAN vs diffusion"),
    "sd.qa.tradeoffs_help": (
        "Кожен рядок заповнює ваше власне вимірювання; без вимірювання ще {missing} з {rows}. Інші переваги "
        "(відкриті ваги, LoRA, домальовування) і недоліки (пам'ять, артефакти, авторські права) — у тексті "
        "відповіді.",
        "Each row is filled by a measurement of your own; {missing} of {rows} are not measured yet. Other "
        "advantages (open weights, LoRA, inpainting) and disadvantages (memory, artefacts, copyright) are "
        "in the answer's text.",
    ),
}
