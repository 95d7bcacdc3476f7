"""The ten tasks of Lab 3 as prompts: three levels of complexity, five prompt styles, any language.

A prompt is built in three steps: the task text at a level in a language, wrapped by a
style (a role, examples, "step by step", a strict format or the student's own template),
then turned into chat messages with the student's system prompt. Ukrainian and English
texts are written here; for another language the student types the task text, the style
instructions stay in English, and the prompt ends by naming the language to answer in.

Any language may be asked for: one the translation table names (``llm.lang.<code>``) is
recognised by its code or its Ukrainian or English name; any other is kept as the student
typed it, and that text names it in the prompt.
"""

import re
from dataclasses import dataclass

import i18n

LEVELS = ("easy", "medium", "hard")
STYLES = ("plain", "role", "few_shot", "step_by_step", "format", "custom")
BUILTIN_LANGS = ("uk", "en")
# Offered besides those: languages the answer checks recognise. The student may type any other.
OFFERED_LANGS = (*BUILTIN_LANGS, "de", "fr", "es", "it", "pl")

_TRANSLATION_SOURCE = {
    "easy": "Artificial intelligence helps people solve everyday problems faster.",
    "medium": (
        "Large language models learn from huge amounts of text. They predict the next word in a "
        "sentence, and this simple skill lets them answer questions, write code and translate. "
        "However, they can sound confident even when they are wrong."
    ),
    "hard": (
        "Training a frontier model is no walk in the park: the compute bill runs into millions, and "
        "a single bug in the data pipeline can quietly poison weeks of work. Attention lets every "
        "token weigh every other one, but that comes at a quadratic cost, so engineers keep "
        "inventing tricks to cut corners without cutting quality. At the end of the day, the "
        "devil is in the details."
    ),
}


@dataclass(frozen=True)
class Task:
    number: int
    role: dict[str, str]  # who answers in the "role" style, per language
    prompts: dict[str, dict[str, str]]  # level -> language -> task text
    check: str | None = None  # "fibonacci" or "seo": an objective check exists
    seo_requested: dict[str, int] | None = None  # level -> how many keywords the prompt asks for
    answer_lang: str | None = None  # the answer's language when it is not the prompt's (translation)

    def text(self, level: str, lang: str) -> str:
        return self.prompts[level][lang]


TASKS: tuple[Task, ...] = (
    Task(
        1,
        {
            "uk": "науковий журналіст, який пише про технології",
            "en": "a science journalist who writes about technology",
        },
        {
            "easy": {
                "uk": "Напиши коротку статтю (близько 100 слів) про штучний інтелект для школярів.",
                "en": "Write a short article (about 100 words) about artificial intelligence for school students.",
            },
            "medium": {
                "uk": "Напиши статтю на 200–250 слів про те, як штучний інтелект змінює освіту: із заголовком, вступом, двома прикладами й висновком.",
                "en": "Write a 200–250 word article on how artificial intelligence is changing education: with a title, an introduction, two examples and a conclusion.",
            },
            "hard": {
                "uk": "Напиши аналітичну статтю на 300–400 слів про переваги й ризики генеративного штучного інтелекту для ринку праці: із заголовком, підзаголовками, щонайменше одним контраргументом і виваженим висновком.",
                "en": "Write a 300–400 word analytical article on the benefits and risks of generative artificial intelligence for the job market: with a title, subheadings, at least one counter-argument and a balanced conclusion.",
            },
        },
    ),
    Task(
        2,
        {
            "uk": "професійний перекладач з англійської на українську",
            "en": "a professional English-to-Ukrainian translator",
        },
        {
            level: {
                "uk": f"Перекладіть текст з англійської на українську, зберігши зміст і стиль. Дайте лише переклад.\n\nТекст:\n{source}",
                "en": f"Translate the text from English into Ukrainian, keeping its meaning and style. Give only the translation.\n\nText:\n{source}",
            }
            for level, source in _TRANSLATION_SOURCE.items()
        },
        answer_lang="uk",
    ),
    Task(
        3,
        {
            "uk": "аналітик, який уміє стисло викладати головне",
            "en": "an analyst who is good at getting to the point",
        },
        {
            "easy": {
                "uk": "Склади стислий виклад (резюме) на тему «відновлювана енергетика» у 3–4 реченнях.",
                "en": 'Write a summary on the topic "renewable energy" in 3–4 sentences.',
            },
            "medium": {
                "uk": "Склади резюме на тему «історія інтернету»: 5 ключових подій у хронологічному порядку, по одному реченню на кожну.",
                "en": 'Write a summary on the topic "the history of the internet": 5 key events in chronological order, one sentence each.',
            },
            "hard": {
                "uk": "Склади структуроване резюме на тему «вплив соціальних мереж на психічне здоров'я підлітків»: головні аргументи «за» і «проти», яких даних бракує, і висновок — не більше 200 слів.",
                "en": 'Write a structured summary on the topic "the impact of social media on teenagers\' mental health": the main arguments for and against, what data is missing, and a conclusion — at most 200 words.',
            },
        },
    ),
    Task(
        4,
        {"uk": "досвідчений Python-розробник", "en": "a senior Python developer"},
        {
            "easy": {
                "uk": "Напиши програму на Python, яка виводить перші 10 чисел Фібоначчі.",
                "en": "Write a Python program that prints the first 10 Fibonacci numbers.",
            },
            "medium": {
                "uk": "Напиши на Python функцію fibonacci(n), яка повертає n-те число Фібоначчі (fibonacci(0) = 0, fibonacci(1) = 1). Додай приклад виклику.",
                "en": "Write a Python function fibonacci(n) that returns the n-th Fibonacci number (fibonacci(0) = 0, fibonacci(1) = 1). Add an example call.",
            },
            "hard": {
                "uk": "Напиши на Python ефективну функцію fibonacci(n), яка повертає n-те число Фібоначчі (fibonacci(0) = 0) за O(log n) (fast doubling або матричне піднесення до степеня) і перевіряє, що n — невід'ємне ціле. Поясни її складність.",
                "en": "Write an efficient Python function fibonacci(n) that returns the n-th Fibonacci number (fibonacci(0) = 0) in O(log n) (fast doubling or matrix exponentiation) and checks that n is a non-negative integer. Explain its complexity.",
            },
        },
        check="fibonacci",
    ),
    Task(
        5,
        {"uk": "викладач Python з великим досвідом", "en": "an experienced Python teacher"},
        {
            "easy": {
                "uk": "Склади список із 5 порад для новачка, який починає вивчати Python.",
                "en": "Make a list of 5 tips for a beginner who is starting to learn Python.",
            },
            "medium": {
                "uk": "Склади план вивчення Python на 8 тижнів для студента, який уже знає основи програмування: тема, практичне завдання й ресурс на кожен тиждень.",
                "en": "Make an 8-week Python study plan for a student who already knows programming basics: a topic, a practical exercise and a resource for each week.",
            },
            "hard": {
                "uk": "Склади персональні рекомендації з вивчення Python для аналітика даних, який має 5 годин на тиждень: пріоритети, бібліотеки (pandas, numpy, matplotlib), типові помилки, як перевіряти прогрес, і план на 3 місяці у вигляді таблиці.",
                "en": "Write personal Python study recommendations for a data analyst with 5 hours a week: priorities, libraries (pandas, numpy, matplotlib), common mistakes, how to check progress, and a 3-month plan as a table.",
            },
        },
    ),
    Task(
        6,
        {"uk": "письменник-романіст", "en": "a novelist"},
        {
            "easy": {
                "uk": "Напиши абзац (80–100 слів) у стилі художнього роману: осінній вечір у старому місті.",
                "en": "Write a paragraph (80–100 words) in the style of a novel: an autumn evening in an old town.",
            },
            "medium": {
                "uk": "Напиши уривок художнього роману (близько 200 слів) від першої особи: героїня отримує загадковий лист. Використай діалог і опис почуттів.",
                "en": "Write a passage of a novel (about 200 words) in the first person: the heroine receives a mysterious letter. Use dialogue and a description of feelings.",
            },
            "hard": {
                "uk": "Напиши уривок (близько 300 слів) у стилі психологічного роману XIX століття: внутрішній монолог героя, який вагається між обов'язком і коханням; використай метафори, довгі речення й натяк на розв'язку.",
                "en": "Write a passage (about 300 words) in the style of a 19th-century psychological novel: the inner monologue of a hero torn between duty and love; use metaphors, long sentences and a hint of the ending.",
            },
        },
    ),
    Task(
        7,
        {"uk": "фахівець служби підтримки клієнтів", "en": "a customer support specialist"},
        {
            "easy": {
                "uk": "Напиши короткий ввічливий лист-відповідь клієнтові, який питає, коли доставлять його замовлення № 1024.",
                "en": "Write a short polite reply letter to a customer who asks when their order No. 1024 will be delivered.",
            },
            "medium": {
                "uk": "Напиши офіційний лист-відповідь студентові, який просить перенести захист лабораторної роботи через хворобу: погодь перенесення, запропонуй дві дати й перелічи потрібні документи.",
                "en": "Write a formal reply letter to a student who asks to reschedule their lab defence because of illness: agree, offer two dates and list the documents needed.",
            },
            "hard": {
                "uk": "Напиши лист-відповідь розгніваному користувачеві, у якого через збій сервісу зникли дані: визнай проблему, поясни причину без технічного жаргону, опиши кроки відновлення, запропонуй компенсацію, збережи професійний і співчутливий тон.",
                "en": "Write a reply letter to an angry user who lost data in a service outage: acknowledge the problem, explain the cause without technical jargon, describe the recovery steps, offer compensation, and keep a professional, empathetic tone.",
            },
        },
    ),
    Task(
        8,
        {
            "uk": "популяризатор науки, який пояснює складне просто",
            "en": "a science communicator who explains hard things simply",
        },
        {
            "easy": {
                "uk": "Поясни простими словами восьмирічній дитині, що таке інтернет.",
                "en": "Explain in simple words to an eight-year-old what the internet is.",
            },
            "medium": {
                "uk": "Поясни простими словами людині без технічної освіти, як працює механізм уваги в трансформерах. Використай аналогію з повсякденного життя.",
                "en": "Explain in simple words to a person with no technical background how the attention mechanism in transformers works. Use an everyday analogy.",
            },
            "hard": {
                "uk": "Поясни простою мовою квантову заплутаність: що це, чому вона не дає змоги передавати інформацію швидше за світло і де її застосовують. Без формул, до 250 слів, з однією аналогією.",
                "en": "Explain quantum entanglement in plain language: what it is, why it does not allow sending information faster than light, and where it is used. No formulas, at most 250 words, with one analogy.",
            },
        },
    ),
    Task(
        9,
        {"uk": "SEO-спеціаліст", "en": "an SEO specialist"},
        {
            "easy": {
                "uk": "Склади список із 10 ключових слів для SEO сайту кав'ярні у Львові. Кожне ключове слово — з нового рядка.",
                "en": "Make a list of 10 SEO keywords for the website of a coffee shop in Lviv. Put each keyword on a new line.",
            },
            "medium": {
                "uk": "Склади список із 15 ключових слів і фраз для SEO інтернет-магазину спортивного взуття: короткі й довгі (long-tail) запити, кожен — з нового рядка.",
                "en": "Make a list of 15 SEO keywords and phrases for an online sports shoe shop: short and long-tail queries, each on a new line.",
            },
            "hard": {
                "uk": "Склади семантичне ядро з 20 ключових фраз для SEO сторінки онлайн-курсу з машинного навчання: згрупуй їх за наміром користувача (інформаційні, комерційні, навігаційні), кожна фраза — з нового рядка.",
                "en": "Build a semantic core of 20 key phrases for the SEO of an online machine-learning course page: group them by user intent (informational, commercial, navigational), each phrase on a new line.",
            },
        },
        check="seo",
        seo_requested={"easy": 10, "medium": 15, "hard": 20},
    ),
    Task(
        10,
        {"uk": "драматург", "en": "a playwright"},
        {
            "easy": {
                "uk": "Напиши короткий діалог (4–6 реплік) між двома друзями, які планують вихідні.",
                "en": "Write a short dialogue (4–6 lines) between two friends planning their weekend.",
            },
            "medium": {
                "uk": "Напиши діалог (8–10 реплік) між студентом і викладачем про те, чи можна використовувати ChatGPT для домашніх завдань. У кожного персонажа — свої аргументи.",
                "en": "Write a dialogue (8–10 lines) between a student and a lecturer on whether ChatGPT may be used for homework. Each character has their own arguments.",
            },
            "hard": {
                "uk": "Напиши діалог (10–12 реплік) між роботом, який уперше відчув емоції, і філософом-скептиком. Кожен персонаж має впізнавану манеру мовлення; у діалозі є зав'язка, кульмінація й несподіваний фінал.",
                "en": "Write a dialogue (10–12 lines) between a robot that has felt emotions for the first time and a sceptical philosopher. Each character has a recognisable way of speaking; the dialogue has a setup, a climax and an unexpected ending.",
            },
        },
    ),
)

# The style instructions. Other languages use the English ones (see the module docstring).
_ROLE = {
    "uk": "Ти — {role}. Відповідай так, як відповів би цей фахівець: точно, грамотно й по суті.",
    "en": "You are {role}. Answer as this professional would: accurately, fluently and to the point.",
}
_STEP_BY_STEP = {
    "uk": "Дій крок за кроком: спочатку коротко склади план, потім виконай завдання.",
    "en": "Work step by step: first write a short plan, then do the task.",
}
_FORMAT = {
    "uk": "Формат відповіді: не більше 150 слів, Markdown, без вступу й заключних фраз.",
    "en": "Answer format: at most 150 words, Markdown, no introduction and no closing remarks.",
}
# Few-shot: two worked examples as earlier turns of the chat show the tone and the length.
_EXAMPLES = {
    "uk": [
        (
            "Поясни одним реченням, що таке хмарні обчислення.",
            "Хмарні обчислення — це оренда чужих серверів через інтернет замість купівлі власних.",
        ),
        (
            "Поясни одним реченням, що таке база даних.",
            "База даних — це впорядковане сховище інформації, у якому дані легко шукати й оновлювати.",
        ),
    ],
    "en": [
        (
            "Explain in one sentence what cloud computing is.",
            "Cloud computing is renting someone else's servers over the internet instead of buying your own.",
        ),
        (
            "Explain in one sentence what a database is.",
            "A database is an organised store of information where data is easy to search and update.",
        ),
    ],
}


# Said last in a prompt in a language other than Ukrainian or English: the task text is the
# student's translation, but the style instructions are English and would pull a small model
# towards English.
_ANSWER_IN = "Answer in {language}."
_LANG_PREFIX = "llm.lang."
MAX_LANGUAGE_CHARS = 40


def _named_languages() -> dict[str, str]:
    """Every spelling the app recognises (code, Ukrainian and English name, casefolded) -> code."""
    spellings = {}
    for key, names in i18n.TABLE.items():
        if key.startswith(_LANG_PREFIX):
            code = key.removeprefix(_LANG_PREFIX)
            for spelling in (code, *names):
                spellings.setdefault(spelling.casefold(), code)
    return spellings


_SPELLINGS = _named_languages()


def language_code(text: str) -> str:
    """A language the student names — "pt", "Portuguese", "португальська" — as the code the
    app knows it by; a language it has no name for stays as typed (trimmed, at most 40
    characters); blank text gives "".
    """
    text = re.sub(r"\s+", " ", text).strip()[:MAX_LANGUAGE_CHARS]
    return _SPELLINGS.get(text.casefold(), text)


def language_name(code: str, lang: str = "en") -> str:
    """The name of a language in ``lang`` (an interface language); a language the student
    added under a name the app does not know is called what they typed."""
    return i18n.t(f"llm.lang.{code}", lang) if _LANG_PREFIX + code in i18n.TABLE else code


def task(number: int) -> Task:
    return TASKS[number - 1]


def expected_language(task_: Task, prompt_lang: str) -> str:
    """The language the answer should be in: the prompt's, except for the translation task."""
    return task_.answer_lang or prompt_lang


def _in(table: dict[str, object], lang: str):
    return table.get(lang, table["en"])


def messages(
    text: str,
    style: str,
    lang: str,
    role: str,
    system_prompt: str = "",
    custom_template: str = "",
    answer_lang: str | None = None,
) -> list[dict[str, str]]:
    """The chat messages for a task text in a style; ``role`` is the task's expert in ``lang``.

    In a language other than Ukrainian and English the request ends by asking for the answer
    in ``answer_lang`` (the prompt's language unless given: the translation task answers in
    Ukrainian).
    """
    system = [system_prompt.strip()] if system_prompt.strip() else []
    turns: list[dict[str, str]] = []
    if style == "role":
        system.insert(0, _in(_ROLE, lang).format(role=role))
    elif style == "few_shot":
        for question, answer in _in(_EXAMPLES, lang):
            turns += [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    elif style == "step_by_step":
        text = f"{text}\n\n{_in(_STEP_BY_STEP, lang)}"
    elif style == "format":
        text = f"{text}\n\n{_in(_FORMAT, lang)}"
    elif style == "custom":
        template = custom_template.strip() or "{task}"
        text = template.replace("{task}", text) if "{task}" in template else f"{template}\n\n{text}"
    elif style != "plain":
        raise ValueError(f"unknown prompt style {style!r}")
    if lang not in BUILTIN_LANGS:
        text = f"{text}\n\n{_ANSWER_IN.format(language=language_name(answer_lang or lang))}"
    head = [{"role": "system", "content": "\n\n".join(system)}] if system else []
    return head + turns + [{"role": "user", "content": text}]


def role_for(task_: Task, lang: str) -> str:
    return _in(task_.role, lang)
