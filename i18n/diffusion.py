"""Strings of the diffusion services (models, generation, samplers, PNG info): key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
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
}
