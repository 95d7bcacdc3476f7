"""Strings of the datasets part of GenLab (Lab 1 data): key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # errors raised by services.gan.data
    "data.unknown_builtin": (
        "Немає вбудованого набору «{name}». Доступні: shapes (геометричні фігури) і digits (рукописні цифри).",
        "There is no built-in data set “{name}”. Available: shapes (geometric shapes) and digits "
        "(handwritten digits).",
    ),
    "data.bad_limit": (
        "Кількість зображень має бути цілим числом від 1, а не «{limit}».",
        "The number of images must be a whole number of at least 1, not “{limit}”.",
    ),
    "data.bad_size": (
        "Розмір зображень {size} px не підтримується. Оберіть один із: {sizes} px.",
        "An image size of {size} px is not supported. Choose one of: {sizes} px.",
    ),
    "data.bad_channels": (
        "Кількість каналів {channels} не підтримується: оберіть 1 (відтінки сірого) або 3 (RGB).",
        "{channels} channels are not supported: choose 1 (grayscale) or 3 (RGB).",
    ),
    "data.bad_zip": (
        "Файл «{name}» не вдалося відкрити як zip-архів: він пошкоджений або має інший формат.",
        "“{name}” could not be opened as a zip archive: it is damaged or in another format.",
    ),
    "data.zip_too_big": (
        "Архів завеликий: {files} файлів. Дозволено до {gigabytes} ГБ у розпакованому вигляді — "
        "залиште в архіві лише потрібні зображення.",
        "The archive is too big: {files} files. At most {gigabytes} GB unpacked is allowed — keep "
        "only the images you need in it.",
    ),
    "data.folder_missing": (
        "Папку «{path}» не знайдено. Перевірте шлях: це має бути папка на комп’ютері, де запущено застосунок.",
        "Folder “{path}” was not found. Check the path: it must be a folder on the computer that runs the app.",
    ),
    "data.empty": (
        "У джерелі «{source}» не знайдено жодного придатного зображення (пропущено файлів: {skipped}). "
        "Потрібні файли JPG, PNG, BMP, GIF, WEBP або TIFF, класи — в окремих папках.",
        "No usable image was found in “{source}” ({skipped} files skipped). JPG, PNG, BMP, GIF, WEBP "
        "or TIFF files are needed, with classes in separate folders.",
    ),
    "data.bad_idx": (
        "Файл MNIST «{file}» пошкоджений або обрізаний: очікується формат IDX (ubyte). "
        "Завантажте набір ще раз.",
        "The MNIST file “{file}” is damaged or cut short: the IDX (ubyte) format is expected. "
        "Download the data set again.",
    ),
    "data.bad_csv": (
        "Файл «{file}» не схожий на CSV Fashion-MNIST: очікується заголовок label,pixel1..pixel784 "
        "і цілі числа 0–255 у рядках.",
        "“{file}” does not look like a Fashion-MNIST CSV: a header label,pixel1..pixel784 and whole "
        "numbers 0–255 in the rows are expected.",
    ),
    "data.kaggle_unreachable": (
        "Kaggle недоступний (немає з’єднання з інтернетом або мережа його блокує), а набір «{dataset}» "
        "ще не завантажено. Скористайтеся вбудованими даними або завантажте zip-архів із зображеннями.",
        "Kaggle cannot be reached (no internet connection, or the network blocks it), and “{dataset}” "
        "has not been downloaded before. Use the built-in data or upload a zip of images.",
    ),
    "data.kaggle_login": (
        "Kaggle не прийняв облікові дані для «{dataset}». Введіть ім’я користувача та API-ключ "
        "(Kaggle → Settings → API → Create New Token) і прийміть правила набору на його сторінці.",
        "Kaggle did not accept the credentials for “{dataset}”. Enter your username and API key "
        "(Kaggle → Settings → API → Create New Token) and accept the data set’s rules on its page.",
    ),
    "data.kaggle_not_found": (
        "Набір «{dataset}» на Kaggle не знайдено: можливо, його видалено або перейменовано.",
        "“{dataset}” was not found on Kaggle: it may have been removed or renamed.",
    ),
    "data.kaggle_failed": (
        "Не вдалося завантажити «{dataset}» з Kaggle: {detail}",
        "Downloading “{dataset}” from Kaggle failed: {detail}",
    ),
    # why files were left out (LoadReport.skipped) and what was converted (LoadReport.converted)
    "data.skipped.not_image": ("не зображення", "not an image"),
    "data.skipped.corrupt": ("пошкоджені або обрізані", "damaged or cut short"),
    "data.skipped.too_small": ("замалі (менше 8 px)", "too small (under 8 px)"),
    "data.skipped.too_large": ("завеликі", "too large"),
    "data.skipped.unsafe_path": (
        "небезпечний шлях в архіві (абсолютний або з ..)",
        "unsafe path in the archive (absolute or with ..)",
    ),
    "data.skipped.link": ("символьні посилання в архіві", "symbolic links in the archive"),
    "data.skipped.no_class": ("поза папками класів", "outside the class folders"),
    "data.converted.animated": ("анімовані (взято перший кадр)", "animated (first frame used)"),
    "data.converted.palette": ("з палітрою кольорів", "with a colour palette"),
    "data.converted.alpha": ("з прозорістю (покладено на біле тло)", "with transparency (laid on white)"),
    "data.converted.cmyk": ("CMYK → RGB", "CMYK → RGB"),
    "data.converted.high_bit_depth": ("16-бітні → 8-бітні", "16-bit → 8-bit"),
    "data.converted.color_space": ("інший колірний простір → RGB", "another colour space → RGB"),
    # where a set comes from (datasets.ImageSet.source is "<kind> <name>")
    "data.source.builtin.shapes": ("вбудовані геометричні фігури", "built-in shapes"),
    "data.source.builtin.digits": (
        "вбудовані рукописні цифри (scikit-learn)",
        "built-in digits (scikit-learn)",
    ),
    "data.source.kaggle": ("Kaggle {name}", "Kaggle {name}"),
    "data.source.zip": ("архів {name}", "zip {name}"),
    "data.source.folder": ("папка {name}", "folder {name}"),
    # classes of the built-in shapes (datasets.SHAPES)
    "data.class.circle": ("коло", "circle"),
    "data.class.square": ("квадрат", "square"),
    "data.class.triangle": ("трикутник", "triangle"),
}
