"""Strings shared by the whole app: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # navigation and sidebar
    "app.title": ("GenLab — лабораторія генеративного ШІ", "GenLab — a generative-AI workbench"),
    "nav.home": ("Головна", "Home"),
    "nav.labs": ("Лабораторні роботи", "Labs"),
    "nav.gan": ("Лаб. 1 · GAN", "Lab 1 · GAN"),
    "nav.diffusion": ("Лаб. 2 · Stable Diffusion", "Lab 2 · Stable Diffusion"),
    "nav.llm": ("Лаб. 3 · LLM", "Lab 3 · LLM"),
    "sidebar.language": ("Мова", "Language"),
    "sidebar.variant": ("Ваш варіант: {number} — {name}", "Your variant: {number} — {name}"),
    "sidebar.device": ("Обчислення", "Compute"),
    "sidebar.no_torch": (
        "PyTorch не встановлено: лабораторні 1 і 2 недоступні (`pip install -r requirements.txt`).",
        "PyTorch is not installed: labs 1 and 2 are unavailable (`pip install -r requirements.txt`).",
    ),
    "sidebar.loaded": ("Завантажено", "Loaded"),
    "sidebar.nothing_loaded": ("Моделі ще не завантажені", "No models loaded yet"),
    "device.cuda": ("GPU (CUDA): {name}", "GPU (CUDA): {name}"),
    "device.mps": ("GPU (Apple MPS)", "GPU (Apple MPS)"),
    "device.cpu": ("CPU, {cores} {cores:plural:ядро|ядра|ядер}", "CPU, {cores} {cores:plural:core|cores}"),
    # home page
    "home.intro": (
        "Робоче місце для трьох практичних робіт курсу генеративного ШІ: навчіть GAN, "
        "проведіть експерименти зі Stable Diffusion і порівняйте відповіді мовних моделей — "
        "усе в браузері, зі звітними графіками та зображеннями.",
        "A workbench for the three practical works of the generative-AI course: train a GAN, "
        "run Stable Diffusion experiments and compare language-model answers — all in the "
        "browser, with charts and images ready for your report.",
    ),
    "home.pick_variant": (
        "Оберіть свій варіант (номер у журналі)",
        "Pick your variant (your number in the class list)",
    ),
    "home.variant_saved": (
        "Варіант {number} збережено: він діятиме в усіх лабораторних.",
        "Variant {number} saved: it applies to every lab.",
    ),
    "home.variant_default": (
        "Поки що діє варіант {number}. Оберіть свій — він діятиме в усіх лабораторних.",
        "Variant {number} applies for now. Pick yours: it will apply to every lab.",
    ),
    "home.variants_table": ("Варіанти завдань", "Task variants"),
    "home.col.number": ("№", "No."),
    "home.col.subject": ("Тема", "Subject"),
    "home.col.dataset": ("Датасет Kaggle", "Kaggle dataset"),
    "home.col.native": ("Оригінальний формат", "Native format"),
    "home.col.train": ("Навчання GAN", "GAN training"),
    "home.gray": ("сірі", "gray"),
    "home.open": ("Відкрити", "Open"),
    "home.lab1.title": ("Лаб. 1 — зображення з GAN", "Lab 1 — images with a GAN"),
    "home.lab1.text": (
        "Генератор і дискримінатор DCGAN навчаються за алгоритмом 1 методички просто у "
        "браузері: живі графіки втрат, D(x) і D(G(z)), зразки, інтерполяція в латентному "
        "просторі та вимірювання колапсу мод.",
        "A DCGAN generator and discriminator train by the manual's Algorithm 1 right in the "
        "browser: live loss, D(x) and D(G(z)) charts, samples, latent interpolation and a "
        "mode-collapse measure.",
    ),
    "home.lab2.title": ("Лаб. 2 — Stable Diffusion", "Lab 2 — Stable Diffusion"),
    "home.lab2.text": (
        "txt2img, img2img, inpainting і LoRA як в AUTOMATIC1111, а три експерименти "
        "методички (кроки, стиль підказки, розмір і час) — одним кліком із графіками.",
        "txt2img, img2img, inpainting and LoRA as in AUTOMATIC1111, and the manual's three "
        "experiments (steps, prompt style, size vs time) as one click each, with charts.",
    ),
    "home.lab3.title": ("Лаб. 3 — аналіз LLM", "Lab 3 — analysing an LLM"),
    "home.lab3.text": (
        "Десять завдань методички, стилі підказок і мови — поруч, з вимірами часу, токенів "
        "і перевірками; працює з ChatGPT, будь-яким OpenAI-сумісним сервером або "
        "вбудованою локальною моделлю без ключа.",
        "The manual's ten tasks, prompt styles and languages side by side, with timings, "
        "token counts and checks; works with ChatGPT, any OpenAI-compatible server or the "
        "built-in local model with no key.",
    ),
    "home.lab3.text_cloud": (
        "Десять завдань методички, стилі підказок і мови — поруч, з вимірами часу, токенів "
        "і перевірками; працює з ChatGPT або будь-яким OpenAI-сумісним сервером.",
        "The manual's ten tasks, prompt styles and languages side by side, with timings, "
        "token counts and checks; works with ChatGPT or any OpenAI-compatible server.",
    ),
    "home.report": (
        "Звіт кожної роботи: титульна сторінка; тема і мета; варіант і код; результати "
        "експериментів (знімки екрана); висновки. Кожна сторінка має кнопки завантаження "
        "зображень, таблиць і графіків для звіту.",
        "Every lab's report: title page; topic and goal; variant and code; experimental "
        "results (screenshots); conclusions. Every page has download buttons for the images, "
        "tables and charts your report needs.",
    ),
    # jobs
    "job.queued": ("У черзі…", "Queued…"),
    "job.running": ("Виконується: {done}/{total}", "Running: {done}/{total}"),
    "job.eta": ("залишилось ≈ {eta}", "≈ {eta} left"),
    "job.done": ("Готово за {elapsed}", "Done in {elapsed}"),
    "job.cancelled": ("Зупинено", "Stopped"),
    "job.cancel": ("Зупинити", "Stop"),
    "job.not_yours": ("Запустив інший студент", "Started by another student"),
    "job.crashed": ("Внутрішня помилка: {detail}", "Internal error: {detail}"),
    "compute.waiting": (
        "Прискорювач зайнятий: перед вашим завданням у черзі {ahead} "
        "{ahead:plural:завдання|завдання|завдань}.",
        "The accelerator is busy: {ahead} {ahead:plural:job|jobs} ahead of yours.",
    ),
    "common.download_png": ("Завантажити PNG", "Download PNG"),
    "common.download_csv": ("Завантажити CSV", "Download CSV"),
    "common.download_json": ("Завантажити JSON", "Download JSON"),
    "common.download_zip": ("Завантажити ZIP", "Download ZIP"),
    "common.control_questions": ("Контрольні запитання", "Control questions"),
    "common.seed": ("Зерно", "Seed"),
    "common.needs_torch": (
        "Для цієї лабораторної потрібен PyTorch. Встановіть залежності: `pip install -r requirements.txt`.",
        "This lab needs PyTorch. Install the dependencies: `pip install -r requirements.txt`.",
    ),
    # the sandbox for model-written programs (services/common/sandbox.py)
    "sandbox.timeout": (
        "Програма працювала довше за {seconds} с і була зупинена.",
        "The program ran longer than {seconds} s and was stopped.",
    ),
    "sandbox.not_linux": (
        "Перевірку вимкнено: запускати програми моделі безпечно (в ізоляції) сервер уміє лише в Linux.",
        "Check off: the server can run a model's programs safely (isolated) only on Linux.",
    ),
    "sandbox.no_bwrap": (
        "Перевірку вимкнено: на сервері немає ізоляції для програм (bubblewrap), тому код моделі не запускається.",
        "Check off: the server has no isolation for programs (bubblewrap), so the model's code is not run.",
    ),
    "sandbox.failed": (
        "Перевірку вимкнено: ізоляція для програм (bubblewrap) на цьому сервері не запускається.",
        "Check off: the isolation for programs (bubblewrap) does not start on this server.",
    ),
    # who may manage a piece of work (services/common/owners.py)
    "common.not_yours": (
        "Це робота іншого студента: її можна переглядати, але зупинити, продовжити чи видалити може лише її автор або викладач.",
        "This is another student's work: you may view it, but only its author or an instructor may stop, resume or delete it.",
    ),
    "sidebar.instructor": ("Викладач", "Instructor"),
    "sidebar.instructor_password": ("Пароль викладача", "Instructor password"),
    "sidebar.instructor_enter": ("Увійти", "Unlock"),
    "sidebar.instructor_wrong": ("Неправильний пароль.", "Wrong password."),
    "sidebar.instructor_on": (
        "Режим викладача: ви можете керувати роботами всіх студентів.",
        "Instructor mode: you may manage every student's work.",
    ),
    "sidebar.instructor_leave": ("Вийти з режиму викладача", "Leave instructor mode"),
    # server paths a student may name (services/common/server_paths.py)
    "common.path_unavailable": (
        "Цей шлях недоступний: його немає, його не можна прочитати або він поза дозволеними теками сервера ({roots}).",
        "This path is not available: it does not exist, cannot be read, or lies outside the server's allowed folders ({roots}).",
    ),
    "common.path_is_file": (
        "«{name}» — це файл, а потрібна тека з зображеннями.",
        "“{name}” is a file; a folder of images is needed.",
    ),
    "common.path_is_folder": (
        "«{name}» — це тека, а потрібен файл.",
        "“{name}” is a folder; a file is needed.",
    ),
    "common.path_suffix": (
        "Потрібен файл із розширенням {suffixes}.",
        "A file ending in {suffixes} is needed.",
    ),
    # the file uploader's own English, replaced on Ukrainian pages (ui/router.py)
    "upload.button": ("Вибрати файл", "Browse files"),
    "upload.limit": ("до {mb} МБ на файл", "up to {mb} MB per file"),
}
