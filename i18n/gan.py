"""Lab 1 (GAN) strings, all under the ``gan.`` prefix: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- data: sources, loading, errors ------------------------------------------------------------
    # errors raised by services.gan.data
    "gan.data.unknown_builtin": (
        "Немає вбудованого набору «{name}». Доступні: shapes (геометричні фігури) і digits (рукописні цифри).",
        "There is no built-in data set “{name}”. Available: shapes (geometric shapes) and digits "
        "(handwritten digits).",
    ),
    "gan.data.bad_limit": (
        "Кількість зображень має бути цілим числом від 1, а не «{limit}».",
        "The number of images must be a whole number of at least 1, not “{limit}”.",
    ),
    "gan.data.bad_size": (
        "Розмір зображень {size} px не підтримується. Оберіть один із: {sizes} px.",
        "An image size of {size} px is not supported. Choose one of: {sizes} px.",
    ),
    "gan.data.bad_channels": (
        "Кількість каналів {channels} не підтримується: оберіть 1 (відтінки сірого) або 3 (RGB).",
        "{channels} channels are not supported: choose 1 (grayscale) or 3 (RGB).",
    ),
    "gan.data.bad_zip": (
        "Файл «{name}» не вдалося відкрити як zip-архів: він пошкоджений або має інший формат.",
        "“{name}” could not be opened as a zip archive: it is damaged or in another format.",
    ),
    "gan.data.zip_too_big": (
        "Архів завеликий: {files:,} {files:plural:файл|файли|файлів}. Дозволено до {gigabytes} ГБ у "
        "розпакованому вигляді — залиште в архіві лише потрібні зображення.",
        "The archive is too big: {files:,} {files:plural:file|files}. At most {gigabytes} GB unpacked is "
        "allowed — keep only the images you need in it.",
    ),
    "gan.data.empty": (
        "У «{source}» немає жодного придатного зображення (пропущено {skipped:,} "
        "{skipped:plural:файл|файли|файлів}). Потрібні файли JPG, PNG, BMP, GIF, WEBP або TIFF, класи — в "
        "окремих папках.",
        "No usable image was found in “{source}” ({skipped:,} {skipped:plural:file|files} skipped). JPG, "
        "PNG, BMP, GIF, WEBP or TIFF files are needed, with classes in separate folders.",
    ),
    "gan.data.nested_archive": (
        "У «{source}» немає зображень, лише {archives:,} "
        "{archives:plural:вкладений архів|вкладені архіви|вкладених архівів}, а архіви всередині не "
        "розпаковуються. Розпакуйте {archives:plural:його|їх|їх} і додайте самі зображення (класи — в "
        "окремих папках).",
        "“{source}” holds no image, only {archives:,} {archives:plural:archive|archives} inside it, and "
        "archives inside are not unpacked. Unpack {archives:plural:it|them} and add the images themselves "
        "(classes in separate folders).",
    ),
    "gan.data.bad_idx": (
        "Файл MNIST «{file}» пошкоджений або обрізаний: очікується формат `IDX` (`ubyte`). "
        "Завантажте набір ще раз.",
        "The MNIST file “{file}” is damaged or cut short: the `IDX` (`ubyte`) format is expected. "
        "Download the data set again.",
    ),
    "gan.data.bad_csv": (
        "Файл «{file}» не схожий на CSV Fashion-MNIST: очікується заголовок `label,pixel1..pixel784` "
        "і цілі числа 0–255 у рядках.",
        "“{file}” does not look like a Fashion-MNIST CSV: a header `label,pixel1..pixel784` and whole "
        "numbers 0–255 in the rows are expected.",
    ),
    "gan.data.kaggle_unreachable": (
        "Kaggle недоступний (немає з’єднання з інтернетом або мережа його блокує), а набір «{dataset}» "
        "ще не завантажено. Скористайтеся вбудованими даними або завантажте zip-архів із зображеннями.",
        "Kaggle cannot be reached (no internet connection, or the network blocks it), and “{dataset}” "
        "has not been downloaded before. Use the built-in data or upload a zip of images.",
    ),
    "gan.data.kaggle_login": (
        "Kaggle не прийняв облікові дані для «{dataset}». Введіть ім’я користувача та API-ключ "
        "(Kaggle → Settings → API → Create New Token) і прийміть правила набору на його сторінці.",
        "Kaggle did not accept the credentials for “{dataset}”. Enter your username and API key "
        "(Kaggle → Settings → API → Create New Token) and accept the data set’s rules on its page.",
    ),
    "gan.data.kaggle_not_found": (
        "Набір «{dataset}» на Kaggle не знайдено: можливо, його видалено або перейменовано.",
        "“{dataset}” was not found on Kaggle: it may have been removed or renamed.",
    ),
    "gan.data.kaggle_failed": (
        "Не вдалося завантажити «{dataset}» з Kaggle: {detail}",
        "Downloading “{dataset}” from Kaggle failed: {detail}",
    ),
    # why files were left out (LoadReport.skipped) and what was converted (LoadReport.converted)
    "gan.data.skipped.not_image": ("не зображення", "not an image"),
    "gan.data.skipped.archive": ("архіви (не розпаковуються)", "archives (not unpacked)"),
    "gan.data.skipped.corrupt": ("пошкоджені або обрізані", "damaged or cut short"),
    "gan.data.skipped.too_small": ("замалі (менше 8 px)", "too small (under 8 px)"),
    "gan.data.skipped.too_large": ("завеликі", "too large"),
    "gan.data.skipped.unsafe_path": (
        "небезпечний шлях в архіві (абсолютний або з ..)",
        "unsafe path in the archive (absolute or with ..)",
    ),
    "gan.data.skipped.link": ("символьні посилання в архіві", "symbolic links in the archive"),
    "gan.data.skipped.no_class": ("поза папками класів", "outside the class folders"),
    "gan.data.converted.animated": ("анімовані (взято перший кадр)", "animated (first frame used)"),
    "gan.data.converted.palette": ("з палітрою кольорів", "with a colour palette"),
    "gan.data.converted.alpha": ("з прозорістю (покладено на біле тло)", "with transparency (laid on white)"),
    "gan.data.converted.cmyk": ("CMYK → RGB", "CMYK → RGB"),
    "gan.data.converted.high_bit_depth": ("16-бітні → 8-бітні", "16-bit → 8-bit"),
    "gan.data.converted.color_space": ("інший колірний простір → RGB", "another colour space → RGB"),
    # where a set comes from (data.ImageSet.source is "<kind> <name>")
    "gan.data.source.builtin.shapes": ("вбудовані геометричні фігури", "built-in shapes"),
    "gan.data.source.builtin.digits": (
        "вбудовані рукописні цифри (scikit-learn)",
        "built-in digits (scikit-learn)",
    ),
    "gan.data.source.kaggle": ("Kaggle {name}", "Kaggle {name}"),
    "gan.data.source.zip": ("архів {name}", "zip {name}"),
    "gan.data.source.folder": ("папка {name}", "folder {name}"),
    # classes of the built-in shapes (data.SHAPES)
    "gan.data.class.circle": ("коло", "circle"),
    "gan.data.class.square": ("квадрат", "square"),
    "gan.data.class.triangle": ("трикутник", "triangle"),
    "gan.data.class.tshirt_top": ("футболка/топ", "T-shirt/top"),
    "gan.data.class.trouser": ("штани", "trouser"),
    "gan.data.class.pullover": ("светр", "pullover"),
    "gan.data.class.dress": ("сукня", "dress"),
    "gan.data.class.coat": ("пальто", "coat"),
    "gan.data.class.sandal": ("сандалі", "sandal"),
    "gan.data.class.shirt": ("сорочка", "shirt"),
    "gan.data.class.sneaker": ("кросівки", "sneaker"),
    "gan.data.class.bag": ("сумка", "bag"),
    "gan.data.class.ankle_boot": ("черевики", "ankle boot"),
    "gan.data.short.shapes": ("фігури", "shapes"),
    "gan.data.short.digits": ("цифри", "digits"),
    # --- model and training (services) -------------------------------------------------------------
    # configuration errors (GanConfig.check)
    "gan.config.size": (
        "Розмір зображення {value} px не підтримується: оберіть {sizes} px.",
        "Image size {value} px is not supported: choose {sizes} px.",
    ),
    "gan.config.channels": (
        "Кількість каналів має бути 1 (відтінки сірого) або 3 (RGB), а не {value}.",
        "The number of channels must be 1 (grayscale) or 3 (RGB), not {value}.",
    ),
    "gan.config.latent": (
        "Розмірність латентного вектора z має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The latent size of z must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.g_width": (
        "Ширина генератора має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The generator width must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.d_width": (
        "Ширина дискримінатора має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The discriminator width must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.depth": (
        "Глибина {value} неможлива для {size} px: від 1 до {most} шарів зі кроком 2.",
        "A depth of {value} is impossible at {size} px: use 1 to {most} stride-2 layers.",
    ),
    "gan.config.batch": (
        "Розмір міні-батчу m має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The minibatch size m must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.iterations": (
        "Кількість ітерацій має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The number of iterations must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.k": (
        "Кількість кроків дискримінатора k має бути цілим числом від {low:,} до {high:,} (зараз {value}).",
        "The number of discriminator steps k must be a whole number from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.lr": (
        "Швидкість навчання має бути додатним числом, не більшим за 1 (зараз {value}).",
        "The learning rate must be a positive number no larger than 1 (now {value}).",
    ),
    "gan.config.beta": (
        "Коефіцієнти Adam β₁ і β₂ мають бути не менші за 0 і менші за 1 (зараз {value}).",
        "Adam's β₁ and β₂ must be at least 0 and below 1 (now {value}).",
    ),
    "gan.config.loss": (
        "Невідома функція втрат генератора «{value}»: оберіть мінімаксну або ненасичувану.",
        "Unknown generator loss “{value}”: choose minimax or non-saturating.",
    ),
    "gan.config.smoothing": (
        "Згладжування міток має бути не менше за 0 і менше за 0,5 (зараз {value}).",
        "Label smoothing must be at least 0 and below 0.5 (now {value}).",
    ),
    "gan.config.seed": (
        "Зерно генератора випадкових чисел має бути невід’ємним цілим числом (зараз {value}).",
        "The random seed must be a non-negative whole number (now {value}).",
    ),
    "gan.config.sample_every": (
        "Інтервал збереження зразків має бути цілим числом кроків від {low:,} до {high:,} (зараз {value}).",
        "The sample interval must be a whole number of steps from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.eval_every": (
        "Інтервал вимірювання колапсу має бути цілим числом кроків від {low:,} до {high:,} (зараз {value}).",
        "The mode-collapse interval must be a whole number of steps from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.checkpoint_every": (
        "Інтервал контрольних точок має бути цілим числом кроків від {low:,} до {high:,} (зараз {value}).",
        "The checkpoint interval must be a whole number of steps from {low:,} to {high:,} (now {value}).",
    ),
    "gan.config.precision": (
        "Невідома точність обчислень «{value}»: оберіть «auto» або «fp32».",
        "Unknown precision “{value}”: choose “auto” or “fp32”.",
    ),
    # data
    "gan.data.shape": (
        "Зображення мають форму {shape}, а модель очікує N × {channels} × {size} × {size}.",
        "The images have shape {shape}, but the model expects N × {channels} × {size} × {size}.",
    ),
    "gan.data.too_few": (
        "Замало зображень для міні-батчу: {count:,}, а m = {batch}. Зменште міні-батч m у вкладці «2 · "
        "Модель» або завантажте більше даних.",
        "Too few images for the minibatch: {count:,}, while m = {batch}. Make the minibatch m smaller in "
        "the “2 · Model” tab or load more data.",
    ),
    "gan.data.spec": (
        "Не вказано, звідки брати дані для навчання (вбудований набір, Kaggle, папка або zip-архів).",
        "It is not said where the training data comes from (built-in set, Kaggle, folder or zip archive).",
    ),
    # sampling
    "gan.interpolate.steps": (
        "Кількість кроків інтерполяції має бути від 2 до 256 (зараз {value}).",
        "The number of interpolation steps must be from 2 to 256 (now {value}).",
    ),
    "gan.interpolate.mode": (
        "Невідомий спосіб інтерполяції «{value}»: оберіть лінійну або сферичну (slerp).",
        "Unknown interpolation “{value}”: choose linear or spherical (slerp).",
    ),
    # runs
    "gan.run.unknown": (
        "Запуск «{run_id}» не знайдено: можливо, його видалено.",
        "Run “{run_id}” was not found: it may have been deleted.",
    ),
    "gan.run.unreadable": (
        "Файли запуску «{run_id}» пошкоджені, його не можна відкрити.",
        "The files of run “{run_id}” are damaged; it cannot be opened.",
    ),
    "gan.run.complete": (
        "Заплановані ітерації ({iterations:,}) уже виконано. Додайте ітерацій, щоб навчати далі.",
        "The planned {iterations:,} {iterations:plural:iteration is|iterations are} done. Add iterations "
        "to train further.",
    ),
    "gan.run.busy": (
        "Запуск саме навчається: спершу зупиніть його.",
        "The run is training right now: stop it first.",
    ),
    "gan.run.no_checkpoint": (
        "У цього запуску ще немає контрольної точки: навчіть його хоча б кілька кроків.",
        "This run has no checkpoint yet: train it for at least a few steps.",
    ),
    "gan.run.bad_checkpoint": (
        "Контрольна точка пошкоджена і не читається.",
        "The checkpoint is damaged and cannot be read.",
    ),
    # --- the page ----------------------------------------------------------------------------------
    "gan.title": ("Лаб. 1 — зображення з GAN", "Lab 1 — images with a GAN"),
    "gan.intro": (
        "Генератор G перетворює випадковий шум z на зображення, дискримінатор D оцінює, чи "
        "зображення справжнє. Завантажте дані, задайте гіперпараметри, навчіть мережу за "
        "алгоритмом 1 методички й дослідіть результат: зразки, інтерполяцію та колапс мод.",
        "The generator G turns random noise z into an image; the discriminator D judges whether "
        "an image is real. Load data, set the hyperparameters, train by the manual's Algorithm 1 "
        "and study the result: samples, interpolation and mode collapse.",
    ),
    "gan.tab.data": ("1 · Дані", "1 · Data"),
    "gan.tab.model": ("2 · Модель", "2 · Model"),
    "gan.tab.train": ("3 · Навчання", "3 · Train"),
    "gan.tab.runs": ("Запуски", "Runs"),
    "gan.tab.sample": ("Зразки", "Sample"),
    "gan.tab.collapse": ("Колапс мод", "Mode collapse"),
    "gan.tab.questions": ("Контрольні запитання", "Control questions"),
    # --- data ---------------------------------------------------------------------------------
    "gan.data.source": ("Джерело даних", "Data source"),
    "gan.data.src.builtin": ("Вбудовані (без інтернету)", "Built-in (offline)"),
    "gan.data.src.kaggle": ("Kaggle: датасет варіанта", "Kaggle: your variant's dataset"),
    "gan.data.src.zip": ("ZIP-архів", "ZIP archive"),
    "gan.data.src.folder": ("Локальна папка", "Local folder"),
    "gan.data.builtin": ("Вбудований набір", "Built-in set"),
    "gan.data.builtin.shapes": (
        "Геометричні фігури (коло, квадрат, трикутник)",
        "Geometric shapes (circle, square, triangle)",
    ),
    "gan.data.builtin.digits": (
        "Рукописні цифри (scikit-learn, 1 797 шт.)",
        "Handwritten digits (scikit-learn, 1,797 images)",
    ),
    "gan.data.builtin_help": (
        "Працюють без мережі: фігури малюються програмно, цифри постачаються з scikit-learn. "
        "Гарна заміна датасету Kaggle для швидкої демонстрації.",
        "Work offline: shapes are drawn by the program, digits ship with scikit-learn. "
        "A good stand-in for the Kaggle dataset in a quick demo.",
    ),
    "gan.data.kaggle_dataset": (
        "Датасет вашого варіанта {number}: [{slug}]({url})",
        "Your variant {number} dataset: [{slug}]({url})",
    ),
    "gan.data.kaggle_found": (
        "Облікові дані Kaggle знайдено в налаштуваннях сервера.",
        "Kaggle credentials were found in the server settings.",
    ),
    "gan.data.kaggle_cached": (
        "Набір уже завантажено на сервер (версія {version}): він читається з кешу, без інтернету й ключа.",
        "The data set is already downloaded on the server (version {version}): it loads from the cache, "
        "with no internet or key.",
    ),
    "gan.data.kaggle_user": ("Ім'я користувача Kaggle", "Kaggle username"),
    "gan.data.kaggle_key": ("Ключ API Kaggle", "Kaggle API key"),
    "gan.data.kaggle_key_help": (
        "Kaggle → Settings → API → Create New Token. Ключ використовується лише для цього "
        "завантаження: він не зберігається ні на диску, ні в журналах.",
        "Kaggle → Settings → API → Create New Token. The key is used for this download only: "
        "it is never written to disk or logs.",
    ),
    "gan.data.zip": ("ZIP з зображеннями (підпапки — класи)", "ZIP of images (subfolders are classes)"),
    "gan.data.zip_needed": ("Спершу виберіть ZIP-файл.", "Choose a ZIP file first."),
    "gan.data.zip_saved": (
        "Архів на сервері: «{name}» ({megabytes:.1f} МБ)",
        "Archive on the server: “{name}” ({megabytes:.1f} MB)",
    ),
    "gan.data.upload_failed": (
        "Архів «{name}» не вдалося зберегти на сервері (можливо, закінчилося місце на диску). Спробуйте ще "
        "раз або зверніться до викладача.",
        "“{name}” could not be saved on the server (the disk may be full). Try again, or ask your "
        "instructor.",
    ),
    "gan.data.folder_path": ("Шлях до папки на сервері", "Folder path on the server"),
    "gan.data.folder_help": (
        "Папка із зображеннями на машині, де запущено GenLab, усередині дозволених папок ({roots}); "
        "підпапки стають класами.",
        "A folder of images on the machine running GenLab, inside the allowed folders ({roots}); "
        "subfolders become classes.",
    ),
    "gan.data.folder_needed": ("Спершу вкажіть шлях до папки.", "Enter a folder path first."),
    "gan.data.size": ("Роздільна здатність, px", "Resolution, px"),
    "gan.data.colour": ("Колір", "Colour"),
    "gan.data.colour.1": ("Сірі", "Gray"),
    "gan.data.colour.3": ("RGB", "RGB"),
    "gan.data.colour_word.1": ("сірі", "gray"),
    "gan.data.colour_word.3": ("RGB", "RGB"),
    "gan.data.format_help": (
        "Типово — формат вашого варіанта. Менші й сірі зображення навчаються значно швидше.",
        "Defaults to your variant's format. Smaller and gray images train much faster.",
    ),
    "gan.data.limit": ("Не більше зображень", "At most this many images"),
    "gan.data.limit_auto": ("автоматично", "automatic"),
    "gan.data.load": ("Завантажити дані", "Load data"),
    "gan.data.loading": (
        "Підготовка зображень: {done:,} з {total:,}",
        "Preparing images: {done:,} of {total:,}",
    ),
    "gan.data.loading_start": ("Підготовка зображень…", "Preparing images…"),
    "gan.data.loaded": (
        "Завантажено {count:,} {count:plural:зображення|зображення|зображень} {size}×{size} px ({colour}) "
        "· {source}",
        "Loaded {count:,} {count:plural:image|images} of {size}×{size} px ({colour}) · {source}",
    ),
    "gan.data.kept": (
        "Дані, завантажені раніше, лишаються: {count:,} {count:plural:зображення|зображення|зображень} "
        "{size}×{size} px · {source}. Новий запуск навчатиметься на них.",
        "The data loaded before stays: {count:,} {count:plural:image|images} of {size}×{size} px · "
        "{source}. A new run trains on it.",
    ),
    "gan.data.classes": ("Класи ({n}): {names}", "Classes ({n}): {names}"),
    "gan.data.unlabelled": (
        "Класів немає (пласка папка): гістограма класів у вкладці «Колапс мод» буде недоступна.",
        "No classes (a flat folder): the class histogram in the Mode collapse tab is unavailable.",
    ),
    "gan.data.converted": ("Перетворено: {items}", "Converted: {items}"),
    "gan.data.skipped": ("Пропущено: {items}", "Skipped: {items}"),
    "gan.data.clean": (
        "Усі файли прочитано без перетворень і пропусків.",
        "Every file was read with no conversions or skips.",
    ),
    "gan.data.preview": ("Приклади з набору", "Examples from the set"),
    "gan.data.need": (
        "Спершу завантажте дані у вкладці «1 · Дані».",
        "Load data in the “1 · Data” tab first.",
    ),
    # --- model --------------------------------------------------------------------------------
    "gan.model.algorithm_link": (
        "Кожен параметр відповідає величині з алгоритму 1 методички (розгорніть нижче).",
        "Each parameter is a quantity of the manual's Algorithm 1 (expand it below).",
    ),
    "gan.model.algorithm": ("Алгоритм 1 методички", "The manual's Algorithm 1"),
    "gan.model.defaults": ("Типові значення варіанта {number}", "Variant {number}'s defaults"),
    "gan.model.defaults_help": (
        "Повернути всі параметри до типових для вашого варіанта: з ними навчання на CPU за кілька хвилин "
        "дає впізнавані зображення.",
        "Set every parameter back to your variant's defaults, which give recognisable pictures within "
        "minutes on a CPU.",
    ),
    "gan.model.algorithm_text": (
        "**для** кожної з *ітерацій*:\n"
        "1. **для** *k* кроків: вибрати *m* векторів шуму z і *m* справжніх зображень x; "
        "оновити D у напрямку зростання  \n"
        "   $\\frac{1}{m}\\sum_i \\left[\\log D(x^{(i)}) + \\log\\left(1 - D(G(z^{(i)}))\\right)\\right]$\n"
        "2. вибрати *m* векторів шуму z; оновити G у напрямку спадання  \n"
        "   $\\frac{1}{m}\\sum_i \\log\\left(1 - D(G(z^{(i)}))\\right)$\n\n"
        "Оновлення виконує Adam зі швидкостями навчання *lr G*, *lr D* і моментами *β₁*, *β₂*.",
        "**for** each of the *iterations*:\n"
        "1. **for** *k* steps: sample *m* noise vectors z and *m* real images x; "
        "update D by ascending  \n"
        "   $\\frac{1}{m}\\sum_i \\left[\\log D(x^{(i)}) + \\log\\left(1 - D(G(z^{(i)}))\\right)\\right]$\n"
        "2. sample *m* noise vectors z; update G by descending  \n"
        "   $\\frac{1}{m}\\sum_i \\log\\left(1 - D(G(z^{(i)}))\\right)$\n\n"
        "The updates are Adam steps with learning rates *lr G*, *lr D* and moments *β₁*, *β₂*.",
    ),
    "gan.hp.latent": ("Розмір латентного вектора z", "Latent size of z"),
    "gan.hp.latent_help": (
        "Скільки чисел у векторі шуму z з розподілу p(z) (алгоритм 1: «вибрати міні-батч z»). "
        "Більше — більше варіацій, але довше навчання.",
        "How many numbers the noise vector z from p(z) holds (Algorithm 1: “sample a minibatch of z”). "
        "More gives more variation but trains longer.",
    ),
    "gan.hp.g_width": ("Ширина G (канали)", "G width (channels)"),
    "gan.hp.g_width_help": (
        "Кількість фільтрів найвужчого шару генератора; інші шари мають у 2, 4… рази більше. "
        "Ширша мережа малює детальніше, але повільніше.",
        "Filters in the generator's narrowest layer; the others have 2×, 4×… more. "
        "A wider network draws finer detail but is slower.",
    ),
    "gan.hp.d_width": ("Ширина D (канали)", "D width (channels)"),
    "gan.hp.d_width_help": (
        "Кількість фільтрів першого шару дискримінатора. Надто сильний D «задавлює» G.",
        "Filters in the discriminator's first layer. A much stronger D overpowers G.",
    ),
    "gan.hp.batch": ("Міні-батч m", "Minibatch m"),
    "gan.hp.batch_help": (
        "m з алгоритму 1: скільки векторів шуму і справжніх зображень бере кожен крок.",
        "m of Algorithm 1: how many noise vectors and real images each step takes.",
    ),
    "gan.hp.iterations": ("Кількість ітерацій", "Number of iterations"),
    "gan.hp.iterations_help": (
        "Зовнішній цикл алгоритму 1: кожна ітерація — k кроків D і один крок G.",
        "The outer loop of Algorithm 1: each iteration is k steps of D and one step of G.",
    ),
    "gan.hp.k": ("Кроків D на ітерацію k", "D steps per iteration k"),
    "gan.hp.k_help": (
        "k з алгоритму 1 (у методичці k = 1): скільки разів оновити D перед одним оновленням G.",
        "k of Algorithm 1 (the manual uses k = 1): how many D updates before one G update.",
    ),
    "gan.hp.lr_g": ("Швидкість навчання G", "Learning rate of G"),
    "gan.hp.lr_d": ("Швидкість навчання D", "Learning rate of D"),
    "gan.hp.lr_help": (
        "Довжина кроку градієнтного спуску (алгоритм 1: «оновити параметри»). Типово 2·10⁻⁴ (DCGAN).",
        "Step length of gradient descent (Algorithm 1: “update the parameters”). Usually 2·10⁻⁴ (DCGAN).",
    ),
    "gan.hp.beta1": ("Adam β₁", "Adam β₁"),
    "gan.hp.beta2": ("Adam β₂", "Adam β₂"),
    "gan.hp.beta_help": (
        "Моменти оптимізатора Adam. DCGAN радить β₁ = 0,5: менша інерція робить змагання стабільнішим.",
        "Adam's moments. DCGAN recommends β₁ = 0.5: less inertia keeps the game stable.",
    ),
    "gan.hp.loss": ("Втрати генератора", "Generator loss"),
    "gan.hp.loss_help": (
        "Мінімакс — як в алгоритмі 1: G мінімізує log(1 − D(G(z))). На початку D легко впізнає "
        "підробки, і градієнт майже нульовий. Ненасичувана: G максимізує log D(G(z)) — та сама "
        "рівновага, але сильний градієнт на початку; її використовують на практиці.",
        "Minimax, as in Algorithm 1: G minimises log(1 − D(G(z))). Early on D spots fakes easily and "
        "the gradient nearly vanishes. Non-saturating: G maximises log D(G(z)) — the same "
        "equilibrium but a strong early gradient; the usual practical choice.",
    ),
    "gan.loss.minimax": ("мінімакс (алгоритм 1)", "minimax (Algorithm 1)"),
    "gan.loss.nonsaturating": ("ненасичувана −log D(G(z))", "non-saturating −log D(G(z))"),
    "gan.loss_short.minimax": ("мінімакс", "minimax"),
    "gan.loss_short.nonsaturating": ("ненасичувана", "non-saturating"),
    "gan.hp.label_smoothing": ("Згладжування міток", "Label smoothing"),
    "gan.hp.label_smoothing_help": (
        "Ціль D для справжніх зображень 1 − ε замість 1 (наприклад, 0,1): D стає менш "
        "самовпевненим, навчання — стабільнішим.",
        "D's target for real images is 1 − ε instead of 1 (e.g. 0.1): D grows less "
        "overconfident and training steadier.",
    ),
    "gan.hp.seed_help": (
        "Те саме зерно дає ті самі початкові ваги і той самий шум: експерименти відтворювані.",
        "The same seed gives the same initial weights and noise: experiments are reproducible.",
    ),
    "gan.hp.depth": ("Глибина (шари з кроком 2)", "Depth (stride-2 layers)"),
    "gan.hp.depth_help": (
        "Скільки разів G подвоює розмір карти ознак (а D зменшує його вдвічі). За найбільшої "
        "глибини G починає з карти 4×4 (7×7 для 28 px); за меншої — з більшої карти й має менше "
        "шарів. Порівняйте таблиці шарів і кількість параметрів нижче.",
        "How many times G doubles its feature map (and D halves it). At the largest depth G starts "
        "from a 4×4 map (7×7 at 28 px); at a smaller one it starts from a larger map with fewer "
        "layers. Compare the layer tables and parameter counts below.",
    ),
    "gan.model.g": ("Генератор G: z → зображення", "Generator G: z → image"),
    "gan.model.d": ("Дискримінатор D: зображення → D(x)", "Discriminator D: image → D(x)"),
    "gan.model.params": (
        "{n:,} {n:plural:параметр|параметри|параметрів}",
        "{n:,} {n:plural:parameter|parameters}",
    ),
    "gan.model.format": (
        "Архітектура для даних {size}×{size} px, каналів: {channels}.",
        "Architecture for {size}×{size} px data, channels: {channels}.",
    ),
    "gan.col.layer": ("Шар", "Layer"),
    "gan.col.input": ("Вхід", "Input"),
    "gan.col.output": ("Вихід", "Output"),
    "gan.col.params": ("Параметри", "Parameters"),
    # --- train --------------------------------------------------------------------------------
    "gan.train.summary": (
        "Дані: {count:,} {count:plural:зображення|зображення|зображень} · {iterations:,} "
        "{iterations:plural:ітерація|ітерації|ітерацій} · m = {batch} · k = {k}",
        "Data: {count:,} {count:plural:image|images} · {iterations:,} "
        "{iterations:plural:iteration|iterations} · m = {batch} · k = {k}",
    ),
    "gan.train.estimate": (
        "Навчання триватиме ≈ {seconds:duration} на цій машині (виміряно щойно: {speed:,} зобр./с), плюс "
        "кілька секунд на підготовку.",
        "Training will take ≈ {seconds:duration} on this machine (just measured: {speed:,} img/s), plus a "
        "few seconds to prepare.",
    ),
    "gan.train.name": ("Назва запуску", "Run name"),
    "gan.train.name_help": (
        "Щоб розрізняти запуски в таблиці, на вкладках і у звіті. Якщо поле порожнє, назва складеться з "
        "даних, розміру, кількості ітерацій і часу запуску.",
        "To tell runs apart in the table, the tabs and the report. Left empty, the name is made of the "
        "data, size, iterations and start time.",
    ),
    "gan.train.default_title": (
        "{data} · {size} px · {iterations:,} ітер. · {stamp}",
        "{data} · {size} px · {iterations:,} it. · {stamp}",
    ),
    "gan.train.start": ("Почати навчання", "Start training"),
    "gan.train.run": ("Запуск {run}", "Run {run}"),
    "gan.train.none": (
        "Ще немає запуску. Натисніть «Почати навчання» або виберіть запуск у вкладці «Запуски».",
        "No run yet. Press “Start training” or pick a run in the Runs tab.",
    ),
    "gan.train.extend": ("Додати ітерацій", "Add iterations"),
    "gan.train.extend_go": ("Додати й продовжити", "Add and continue"),
    "gan.train.resume": ("Продовжити навчання", "Resume training"),
    "gan.train.waiting_metrics": (
        "Перші вимірювання з'являться за кілька секунд…",
        "The first measurements appear in a few seconds…",
    ),
    "gan.train.speed": ("Швидкість: {speed:,} зобр./с", "Speed: {speed:,} img/s"),
    "gan.train.progress": ("Ітерація {done:,} з {total:,}", "Iteration {done:,} of {total:,}"),
    "gan.train.done": (
        "Навчання завершено: {step:,} {step:plural:ітерація|ітерації|ітерацій}, загальний час навчання "
        "{seconds:duration}.",
        "Training done: {step:,} {step:plural:iteration|iterations}, {seconds:duration} of training in all.",
    ),
    "gan.train.state": (
        "{state} · ітерація {step:,} з {total:,} · загальний час навчання {seconds:duration}",
        "{state} · iteration {step:,} of {total:,} · {seconds:duration} of training in all",
    ),
    "gan.train.collapsed": (
        "Схоже на колапс мод (вимірювання на ітерації {step}): G малює надто схожі зображення "
        "або лише частину класів. Подробиці та поради — у вкладці «{tab}».",
        "This looks like mode collapse (measured at iteration {step}): G draws images that are too "
        "alike, or only some of the classes. Details and advice are in the “{tab}” tab.",
    ),
    "gan.train.to_collapse": ("Відкрити «{tab}»", "Open “{tab}”"),
    "gan.phase.loading": ("Завантаження даних: {loaded}/{to_load}", "Loading the data: {loaded}/{to_load}"),
    "gan.phase.probe": (
        "Навчання класифікатора-зонда для вимірювання колапсу мод: {probe_done}/{probe_total} кроків "
        "(один раз на запуск)",
        "Training the class probe that measures mode collapse: {probe_done}/{probe_total} steps "
        "(once per run)",
    ),
    "gan.phase.waiting": (
        "Прискорювач зайнятий іншою роботою; у черзі попереду: {ahead}",
        "The accelerator is busy with other work; ahead in the queue: {ahead}",
    ),
    "gan.phase.saving": ("Збереження контрольної точки…", "Saving a checkpoint…"),
    "gan.chart.losses": ("Втрати D і G", "Losses of D and G"),
    "gan.chart.probs": ("Оцінки дискримінатора", "Discriminator outputs"),
    "gan.chart.step": ("ітерація", "iteration"),
    "gan.chart.loss": ("втрата", "loss"),
    "gan.chart.prob": ("D(·), середнє за батч", "D(·), batch mean"),
    "gan.series.loss_d": ("втрата D", "D loss"),
    "gan.series.loss_g": ("втрата G", "G loss"),
    "gan.series.d_real": ("D(x) — справжні", "D(x) — real"),
    "gan.series.d_fake": ("D(G(z)) — згенеровані", "D(G(z)) — generated"),
    "gan.chart.probs_help": (
        "Рівновага: D(x) і D(G(z)) прямують до 0,5 — дискримінатор більше не відрізняє підробки.",
        "At equilibrium D(x) and D(G(z)) approach 0.5 — the discriminator can no longer tell fakes apart.",
    ),
    "gan.train.samples": ("Зразки G на ітерації {step}", "G's samples at iteration {step}"),
    "gan.train.latest": ("Останні значення (ітерація {step})", "Latest values (iteration {step})"),
    "gan.train.snapshot": ("Знімок на ітерації", "Snapshot at iteration"),
    "gan.train.samples_fixed": (
        "Той самий фіксований шум z на кожному знімку: видно, як G вчиться.",
        "The same fixed noise z in every snapshot: you see how G learns.",
    ),
    # --- runs ---------------------------------------------------------------------------------
    "gan.runs.empty": ("Запусків ще немає.", "No runs yet."),
    "gan.runs.pick": ("Виберіть рядок, щоб відкрити запуск.", "Select a row to open a run."),
    "gan.runs.chosen": ("Вибрано запуск {run}", "Selected run {run}"),
    "gan.runs.open": ("Відкрити у «Навчанні»", "Open in Train"),
    "gan.runs.delete": ("Видалити", "Delete"),
    "gan.runs.confirm": (
        "Видалити запуск {run} разом з усіма контрольними точками та зразками? Цю дію не скасувати.",
        "Delete run {run} with all its checkpoints and samples? This cannot be undone.",
    ),
    "gan.runs.confirm_yes": ("Так, видалити", "Yes, delete"),
    "gan.runs.cancel": ("Скасувати", "Cancel"),
    "gan.runs.deleted": ("Запуск {run} видалено.", "Run {run} deleted."),
    "gan.col.run": ("Запуск", "Run"),
    "gan.col.state": ("Стан", "State"),
    "gan.col.created": ("Створено", "Created"),
    "gan.col.data": ("Дані", "Data"),
    "gan.col.iterations": ("Ітерацій", "Iterations"),
    "gan.col.widths": ("Ширина G/D", "Width G/D"),
    "gan.col.depth": ("Глибина", "Depth"),
    "gan.col.loss": ("Втрата G", "G loss"),
    "gan.col.loss_d": ("Втрата D", "D loss"),
    "gan.col.diversity": ("Різноманітність", "Diversity"),
    "gan.col.modes": ("Покрито мод", "Modes covered"),
    "gan.col.kl": ("KL", "KL"),
    "gan.col.speed": ("зобр./с", "img/s"),
    "gan.col.time": ("Час навчання", "Training time"),
    "gan.state.running": ("навчається", "training"),
    "gan.state.done": ("готово", "done"),
    "gan.state.stopped": ("зупинено", "stopped"),
    "gan.state.failed": ("помилка", "failed"),
    "gan.state.interrupted": ("перервано", "interrupted"),
    "gan.state.new": ("новий", "new"),
    # --- sample -------------------------------------------------------------------------------
    "gan.sample.need_run": (
        "Зразки з'являться після першої контрольної точки навчання.",
        "Samples appear after training saves its first checkpoint.",
    ),
    "gan.sample.run": ("Запуск", "Run"),
    "gan.sample.grid": ("Сітка зразків", "Sample grid"),
    "gan.sample.n": ("Кількість зображень", "Number of images"),
    "gan.sample.caption": (
        "{n} {n:plural:зображення|зображення|зображень}, зерно {seed}: інше зерно — інші вектори z.",
        "{n} {n:plural:image|images}, seed {seed}: another seed gives other vectors z.",
    ),
    "gan.sample.interp": ("Інтерполяція в латентному просторі", "Latent interpolation"),
    "gan.sample.interp_help": (
        "Рух від z(A) до z(B) показує, що G відображає сусідні точки простору шуму в схожі "
        "зображення. Сферична (slerp) іде по дузі й зберігає типову довжину z.",
        "Moving from z(A) to z(B) shows that G maps nearby noise points to similar images. "
        "Spherical (slerp) follows an arc and keeps z at a typical length.",
    ),
    "gan.sample.seed_a": ("Зерно A", "Seed A"),
    "gan.sample.seed_b": ("Зерно B", "Seed B"),
    "gan.sample.steps": ("Кроків", "Steps"),
    "gan.sample.linear": ("Лінійна", "Linear"),
    "gan.sample.slerp": ("Сферична (slerp)", "Spherical (slerp)"),
    # --- collapse -----------------------------------------------------------------------------
    "gan.collapse.what": (
        "**Колапс мод** — G знаходить кілька зображень, що обманюють D, і генерує лише їх, "
        "ігноруючи решту даних. Ознаки: зразки схожі між собою (низька різноманітність) і "
        "покривають не всі класи (великий KL між розподілом класів згенерованих і справжніх).",
        "**Mode collapse**: G finds a few images that fool D and generates only those, ignoring "
        "the rest of the data. Signs: samples look alike (low diversity) and cover only some "
        "classes (a large KL between the class distributions of generated and real images).",
    ),
    "gan.collapse.need": (
        "Метрики з'являться після першого вимірювання під час навчання.",
        "The measures appear after the first measurement during training.",
    ),
    "gan.collapse.diversity": ("Різноманітність зразків", "Sample diversity"),
    "gan.collapse.diversity_help": (
        "Середня відстань між парами згенерованих зображень відносно такої ж відстані для "
        "справжніх: ≈ 1 — як у даних, близько 0 — усі зразки однакові.",
        "Mean distance between pairs of generated images relative to the same for real "
        "images: ≈ 1 is like the data, near 0 means every sample is the same.",
    ),
    "gan.collapse.modes_help": (
        "Клас вважається покритим, якщо має хоча б чверть своєї рівної частки зразків. "
        "KL = 0, коли згенеровані класи трапляються в тих самих пропорціях, що й справжні.",
        "A class counts as covered when it holds at least a quarter of its fair share of samples. "
        "KL = 0 when generated classes appear in the same proportions as the real ones.",
    ),
    "gan.collapse.threshold": ("поріг колапсу", "collapse threshold"),
    "gan.collapse.real_unknown": (
        "Сірі стовпці справжнього розподілу й назви класів з'являться, коли дані цього запуску "
        "завантажено у вкладці «1 · Дані».",
        "The grey bars of the real distribution and the class names appear when this run's data "
        "is loaded in the “1 · Data” tab.",
    ),
    "gan.collapse.modes": ("Покриття класів", "Class coverage"),
    "gan.collapse.modes_axis": ("покрито класів", "classes covered"),
    "gan.collapse.kl_axis": ("KL(справжні ‖ згенеровані)", "KL(real ‖ generated)"),
    "gan.collapse.histogram": (
        "Розподіл класів: справжні й згенеровані",
        "Class distribution: real vs generated",
    ),
    "gan.collapse.share": ("частка", "share"),
    "gan.collapse.class": ("клас", "class"),
    "gan.collapse.real": ("справжні", "real"),
    "gan.collapse.generated": ("згенеровані", "generated"),
    "gan.collapse.no_classes": (
        "Набір без класів: гістограма й покриття недоступні, лишається різноманітність.",
        "A set without classes: the histogram and coverage are unavailable; diversity remains.",
    ),
    "gan.collapse.detected": (
        "Схоже на колапс мод: різноманітність {diversity:.2f}, покрито {covered} з {classes} класів. "
        "G малює лише частину даних. Спробуйте: ненасичувані втрати, меншу швидкість навчання G, "
        "згладжування міток, більший міні-батч або інше зерно.",
        "This looks like mode collapse: diversity {diversity:.2f}, {covered} of {classes} classes covered. "
        "G draws only part of the data. Try: the non-saturating loss, a lower learning rate for G, "
        "label smoothing, a larger minibatch or another seed.",
    ),
    "gan.collapse.ok": (
        "Колапсу не виявлено: різноманітність {diversity:.2f}, покрито {covered} з {classes} класів.",
        "No collapse detected: diversity {diversity:.2f}, {covered} of {classes} classes covered.",
    ),
    "gan.collapse.not_judged": (
        "Про колапс судити ще зарано: генератор навчався {step:,} "
        "{step:plural:ітерацію|ітерації|ітерацій}, а висновок робиться з ітерації {first:,}. Спершу "
        "будь-який генератор малює розмиті плями, які класифікатор зараховує до одного класу, тож ні "
        "різноманітність, ні покриття класів поки нічого не означають.",
        "Too early to judge collapse: the generator has trained {step:,} "
        "{step:plural:iteration|iterations}, and the verdict starts at iteration {first:,}. At first every "
        "generator draws blurred blobs, which the probe files under one class, so neither diversity nor "
        "class coverage means anything yet.",
    ),
    # --- control questions --------------------------------------------------------------------
    "gan.q.1": (
        "Що таке GAN і з яких компонентів вона складається?",
        "What is a GAN and what are its parts?",
    ),
    "gan.a.1": (
        "GAN — дві мережі, що змагаються. **Генератор G** перетворює випадковий шум z на зображення; "
        "**дискримінатор D** отримує справжні зображення x і згенеровані G(z) та оцінює ймовірність, що "
        "зображення справжнє. D вчиться їх розрізняти, G — обманювати D. Нижче — G і D вашого запуску: "
        "блоки шарів, кількість параметрів і куди йдуть втрати та їхні градієнти.",
        "A GAN is two networks in a contest. The **generator G** turns random noise z into an image; the "
        "**discriminator D** gets real images x and generated ones G(z) and estimates the probability that "
        "an image is real. D learns to tell them apart, G learns to fool D. Below: G and D of your run — "
        "their blocks of layers, parameter counts, and where the losses and their gradients go.",
    ),
    "gan.q.2": (
        "Як генератор перетворює шум на зображення?",
        "How does the generator turn noise into an image?",
    ),
    "gan.a.2": (
        "G отримує вектор z із випадкових чисел (типово 100) і шар за шаром розгортає його: перша "
        "транспонована згортка робить із z багато маленьких карт ознак, кожна наступна подвоює їхній бік і "
        "зменшує їхню кількість, остання дає зображення. Нижче — карти після кожного шару для вибраного "
        "зерна; повзунки змінюють координати z, і все перемальовується наживо.",
        "G takes a vector z of random numbers (100 by default) and unfolds it layer by layer: the first "
        "transposed convolution makes many small feature maps of z, each next one doubles their side and "
        "lowers their number, the last one gives the image. Below: the maps after every layer for a seed "
        "you pick; the sliders change coordinates of z and everything is redrawn live.",
    ),
    "gan.q.3": (
        "Які гіперпараметри впливають на якість роботи GAN?",
        "Which hyperparameters affect a GAN's quality?",
    ),
    "gan.a.3": (
        "Швидкості навчання G і D та їхнє співвідношення, мініпакет m, кількість кроків D на ітерацію k, "
        "ширина мереж, функція втрат G, β₁ в Adam і кількість ітерацій. Нижче — ваші запуски: відстань "
        "Фреше і покриття класів залежно від вибраного параметра. Якщо запусків замало, одна кнопка "
        "запускає короткі запуски, кожен з яких змінює один параметр.",
        "The learning rates of G and D and their ratio, the minibatch m, the D steps per iteration k, the "
        "widths of the networks, G's loss, Adam's β₁ and the number of iterations. Below: your runs — the "
        "Fréchet distance and class coverage against the parameter you pick. With too few runs, one "
        "button starts short runs that each change one parameter.",
    ),
    "gan.q.4": (
        "Які типи шарів використовуються в генераторі?",
        "Which layer types does the generator use?",
    ),
    "gan.a.4": (
        "Транспоновані згортки (ConvTranspose2d) збільшують зображення вдвічі, пакетна нормалізація "
        "(BatchNorm2d) тримає значення в межах, ReLU додає нелінійність, Tanh на виході стискає значення "
        "до [−1, 1] — діапазону пікселів. Нижче — шари вашого G: форма виходу, що робить кожен шар, і його "
        "карти з запитання 2.",
        "Transposed convolutions (ConvTranspose2d) double the image's side, batch normalisation "
        "(BatchNorm2d) keeps the values in range, ReLU adds non-linearity, and Tanh at the output squeezes "
        "the values into [−1, 1], the range of pixels. Below: the layers of your G — the output shape, "
        "what each layer does, and its maps from question 2.",
    ),
    "gan.q.5": ("Що таке «колапс мод»?", "What is mode collapse?"),
    "gan.a.5": (
        "Колапс мод — генератор малює лише кілька зображень (або одне), хоч би який шум отримав: він "
        "знайшов те, що обманює D, і «забув» решту даних. Його видно з низької різноманітності зразків і з "
        "того, що покрито лише частину класів. Нижче — ваш запуск поряд із запуском на тих самих даних, "
        "який колапсує навмисно.",
        "Mode collapse: the generator draws only a few images (or one) whatever noise it gets — it found "
        "something that fools D and “forgot” the rest of the data. It shows as low sample diversity and "
        "as only some of the classes covered. Below: your run beside a run on the same data that "
        "collapses on purpose.",
    ),
    # --- control questions: the live answers (ui/gan/questions*.py) --------------------------------
    "gan.qa.layer_number": ("Шар {n}", "Layer {n}"),
    "gan.qa.run": ("Запуск, на якому показано відповіді", "The run these answers show"),
    "gan.qa.run_help": (
        "Усі п'ять відповідей показують цей запуск. Спочатку вибрано той, що відкритий на вкладці "
        "«3 · Навчання», або ваш найновіший.",
        "All five answers show this run. At first it is the one open in “3 · Train”, or your newest.",
    ),
    "gan.qa.someone_else": ("чужий", "someone else's"),
    "gan.qa.no_run": (
        "Навченого запуску ще немає. Почніть його з налаштуваннями з вкладки «2 · Модель» на даних "
        "«{source}» ({iterations:,} {iterations:plural:ітерація|ітерації|ітерацій}): відповіді покажуть "
        "його, щойно він зробить перші кроки.",
        "There is no trained run yet. Start one with the settings of “2 · Model” on “{source}” "
        "({iterations:,} {iterations:plural:iteration|iterations}): the answers show it as soon as it has "
        "taken its first steps.",
    ),
    "gan.qa.no_run_short": (
        "Тут потрібен навчений запуск — почніть його однією кнопкою під запитанням 1.",
        "This needs a trained run — start one with a single button under question 1.",
    ),
    "gan.qa.start_first": ("Почати навчання", "Start training"),
    "gan.qa.started_first": (
        "Навчання почалося — стежте за ним на вкладці «3 · Навчання».",
        "Training has started — follow it in “3 · Train”.",
    ),
    "gan.qa.untrained": (
        "Поки що це ненавчений генератор із вкладки «2 · Модель»: випадкові ваги дають випадкові карти.",
        "For now this is the untrained generator of “2 · Model”: random weights give random maps.",
    ),
    "gan.qa.untrained_networks": (
        "Поки що це мережі, які будує вкладка «2 · Модель»: будова й кількість параметрів у них ті самі, "
        "що матиме запуск.",
        "For now these are the networks “2 · Model” builds: their structure and parameter counts are "
        "those a run will have.",
    ),
    "gan.qa.d.g": (
        "Генератор G · {params:,} {params:plural:параметр|параметри|параметрів}",
        "Generator G · {params:,} {params:plural:parameter|parameters}",
    ),
    "gan.qa.d.d": (
        "Дискримінатор D · {params:,} {params:plural:параметр|параметри|параметрів}",
        "Discriminator D · {params:,} {params:plural:parameter|parameters}",
    ),
    "gan.qa.d.block": (
        "{kinds}\n{shape} · {params:,} {params:plural:параметр|параметри|параметрів}",
        "{kinds}\n{shape} · {params:,} {params:plural:parameter|parameters}",
    ),
    "gan.qa.d.z": (
        "шум z ~ N(0, I)\n{latent} {latent:plural:число|числа|чисел}",
        "noise z ~ N(0, I)\n{latent} {latent:plural:number|numbers}",
    ),
    "gan.qa.d.fake": ("G(z): згенеровані зображення\n{shape}", "G(z): generated\n{shape}"),
    "gan.qa.d.real": ("x: справжні зображення\n{shape}", "x: real images\n{shape}"),
    "gan.qa.d.out": ("D(·) ∈ [0, 1]:\nймовірність «справжнє»", "D(·) ∈ [0, 1]:\nprobability “real”"),
    "gan.qa.d.loss_d": ("Втрата D:\n−log D(x) − log(1 − D(G(z)))", "D's loss:\n−log D(x) − log(1 − D(G(z)))"),
    "gan.qa.d.loss_g.nonsaturating": (
        "Втрата G (ненасичувана):\n−log D(G(z))",
        "G's loss (non-saturating):\n−log D(G(z))",
    ),
    "gan.qa.d.loss_g.minimax": (
        "Втрата G (мінімакс):\nlog(1 − D(G(z)))",
        "G's loss (minimax):\nlog(1 − D(G(z)))",
    ),
    "gan.qa.d.grad_d": ("∇ втрати D: оновлює лише D", "∇ of D's loss: updates D only"),
    "gan.qa.d.grad_g": ("∇ втрати G: крізь D (заморожений) у G", "∇ of G's loss: through D (frozen) into G"),
    "gan.qa.diagram_help": (
        "Суцільні стрілки — дані: z → G → G(z) → D, поряд справжні x. Пунктир — градієнти: червоний, від "
        "втрати D, оновлює лише D (G(z) від'єднано, G не змінюється); синій, від втрати G, проходить крізь "
        "D, але змінює лише G. За ітерацію D оновлюється k = {k} {k:plural:раз|рази|разів}, G — один раз.",
        "Solid arrows are data: z → G → G(z) → D, with the real x beside it. Dashed arrows are gradients: "
        "the red one, from D's loss, updates D only (G(z) is detached, G does not change); the blue one, "
        "from G's loss, passes through D but changes only G. Each iteration updates D k = {k} "
        "{k:plural:time|times} and G once.",
    ),
    "gan.qa.col.block": ("Блок", "Block"),
    "gan.qa.col.number": ("№", "No."),
    "gan.qa.col.does": ("Що робить", "What it does"),
    "gan.qa.col.maps": ("Карти (запитання 2)", "Maps (question 2)"),
    "gan.qa.seed_help": (
        "Зерно задає вектор шуму z — так само, як на вкладці «Зразки».",
        "The seed sets the noise vector z — as in the Sample tab.",
    ),
    "gan.qa.sliders": (
        "Ці {n} {n:plural:координата|координати|координат} z найсильніше впливають на зображення — рухайте "
        "повзунки й дивіться, як змінюються карти та картинка:",
        "These {n} {n:plural:coordinate|coordinates} of z change this picture most — move the sliders and "
        "watch the maps and the picture change:",
    ),
    "gan.qa.reset": ("Повернути z", "Reset z"),
    "gan.qa.maps_help": (
        "Кожен рядок — вихід одного шару G. Для прихованих шарів показано до {maps} карт ознак "
        "із найвиразнішим візерунком, кожну розтягнуто на власний діапазон (світліше — більше). Номери шарів "
        "ті самі, що й у таблиці до запитання 4.",
        "Each row is the output of one layer of G. For hidden layers, up to {maps} feature maps with the "
        "most pattern are shown, each stretched over its own range (lighter is larger). The layer numbers "
        "are those of question 4's table.",
    ),
    "gan.qa.z_caption": (
        "z: {n} {n:plural:число|числа|чисел}; червоні — додатні, сині — від'ємні",
        "z: {n} {n:plural:number|numbers}; red are positive, blue negative",
    ),
    "gan.qa.maps_caption": (
        "{shown} з {total} {total:plural:карти|карт|карт}",
        "{shown} of {total} {total:plural:map|maps}",
    ),
    "gan.qa.image_caption": ("Зображення G(z)", "The image G(z)"),
    "gan.qa.role.project": (
        "Перетворює вектор z ({latent} {latent:plural:число|числа|чисел}) на {c} "
        "{c:plural:карту|карти|карт} ознак {h}×{w}: кожне число z додає до кожної карти свій навчений "
        "візерунок",
        "Turns the vector z ({latent} {latent:plural:number|numbers}) into {c} feature "
        "{c:plural:map|maps} of {h}×{w}: each number of z adds its own learned pattern to each map",
    ),
    "gan.qa.role.up": (
        "Транспонована згортка з кроком 2: подвоює сторону {h_in}×{w_in} → {h}×{w}, карт стає {c} замість "
        "{c_in}; кожна точка виходу змішує сусідні точки всіх вхідних карт",
        "Transposed convolution with stride 2: doubles the side {h_in}×{w_in} → {h}×{w}, and the maps go "
        "from {c_in} to {c}; each output point mixes neighbouring points of every input map",
    ),
    "gan.qa.role.norm": (
        "Пакетна нормалізація: приводить кожну з {c} {c:plural:карти|карт|карт} до середнього 0 і розкиду "
        "1 (за статистикою навчання), потім масштабує й зсуває — 2 навчені числа на карту; стабілізує "
        "навчання",
        "Batch normalisation: brings each of the {c} {c:plural:map|maps} to mean 0 and spread 1 (by the "
        "training statistics), then scales and shifts it — 2 learned numbers per map; keeps training "
        "stable",
    ),
    "gan.qa.role.relu": (
        "ReLU: залишає додатні значення, а від'ємні замінює нулем — тут нулів {zero:.0f}\u00a0%",
        "ReLU: keeps positive values and sets negative ones to zero — here {zero:.0f}% are zero",
    ),
    "gan.qa.role.tanh": (
        "Tanh: стискає кожне значення в діапазон пікселів [−1, 1] — це і є зображення {h}×{w}",
        "Tanh: squeezes every value into [−1, 1], the range of pixels — this is the {h}×{w} image",
    ),
    "gan.qa.layers_help": (
        "Карти — ті самі, що в запитанні 2: змініть там зерно чи повзунки, і вони зміняться й тут.",
        "The maps are those of question 2: change the seed or the sliders there, and they change here too.",
    ),
    "gan.qa.mine_only": ("Лише мої запуски", "Only my runs"),
    "gan.qa.judging": ("Оцінюю запуски: {done} з {total}", "Judging runs: {done} of {total}"),
    "gan.qa.judge": (
        "Оцінити {n} {n:plural:запуск|запуски|запусків}",
        "Judge {n} {n:plural:run|runs}",
    ),
    "gan.qa.judge_help": (
        "Генератор кожного запуску малює {images:,} {images:plural:зображення|зображення|зображень}, а "
        "класифікатор-зонд його даних порівнює їх зі справжніми — близько секунди на запуск.",
        "Each run's generator draws {images:,} {images:plural:image|images}, and the probe classifier of "
        "its data compares them with the real ones — about a second a run.",
    ),
    "gan.qa.param": ("Гіперпараметр", "Hyperparameter"),
    "gan.qa.param.lr_g": ("lr G", "lr G"),
    "gan.qa.param.lr_d": ("lr D", "lr D"),
    "gan.qa.param.batch": ("мініпакет m", "minibatch m"),
    "gan.qa.param.k": ("k (кроків D)", "k (D steps)"),
    "gan.qa.param.g_width": ("ширина G", "G width"),
    "gan.qa.param.d_width": ("ширина D", "D width"),
    "gan.qa.param.loss": ("втрата G", "G's loss"),
    "gan.qa.fd": ("Відстань Фреше (менше — краще)", "Fréchet distance (lower is better)"),
    "gan.qa.coverage": ("Покриття класів (більше — краще)", "Class coverage (higher is better)"),
    "gan.qa.study_help": (
        "Кожна точка — запуск, оцінений наприкінці навчання: відстань Фреше між ознаками згенерованих "
        "і справжніх зображень (так, як їх бачить класифікатор-зонд даних; 0 — розподіли однакові) і частка "
        "класів, які генератор малює. Запуски відрізняються й іншими налаштуваннями та довжиною "
        "— порівнюйте ті, що відрізняються лише одним параметром.",
        "Each point is a run judged at the end of its training: the Fréchet distance between features of "
        "generated and real images (as the data's probe classifier sees them; 0 means alike) and the share "
        "of classes the generator draws. Runs also differ in other settings and in length — compare those "
        "that change only one.",
    ),
    "gan.qa.other_data": (
        "Запуски навчалися на різних даних (кольори): їхні відстані Фреше не можна порівнювати між собою.",
        "The runs trained on different data (the colours): their Fréchet distances do not compare.",
    ),
    "gan.qa.too_few": (
        "Щоб побачити вплив, потрібно щонайменше {enough} {enough:plural:оцінений запуск|оцінені запуски|"
        "оцінених запусків} з різними значеннями цього параметра; зараз оцінених — {judged}, різних "
        "значень — {values}.",
        "To see an effect, at least {enough} judged {enough:plural:run|runs} with different values of this "
        "parameter are needed; now there are {judged} judged and {values} different "
        "{values:plural:value|values}.",
    ),
    "gan.qa.contrasts": (
        "Почати {n} {n:plural:короткий запуск|короткі запуски|коротких запусків} на даних «{run}» "
        "(по {iterations} {iterations:plural:ітерації|ітерації|ітерацій})",
        "Start {n} short {n:plural:run|runs} on the data of “{run}” ({iterations} "
        "{iterations:plural:iteration|iterations} each)",
    ),
    "gan.qa.contrasts_help": (
        "Перший повторює налаштування запуску, кожен наступний змінює одне з них: {names}. Вони навчаються "
        "у фоні по черзі й належать вам; коли вони завершаться, оцініть їх кнопкою вище.",
        "The first repeats the run's settings, each other one changes one: {names}. They train in the "
        "background in turn and belong to you; when they end, judge them with the button above.",
    ),
    "gan.qa.contrast_title": ("Порівняння", "Contrast"),
    "gan.qa.contrast.base": ("як є", "as is"),
    "gan.qa.contrast.lr_high": ("lr ×10", "lr ×10"),
    "gan.qa.contrast.lr_low": ("lr ÷10", "lr ÷10"),
    "gan.qa.contrast.batch": ("інший m", "other m"),
    "gan.qa.contrast.k": ("k + 2", "k + 2"),
    "gan.qa.contrast.narrow": ("ширина ÷4", "widths ÷4"),
    "gan.qa.contrast.loss": ("інша втрата G", "other G loss"),
    "gan.qa.training": (
        "Навчаються ваші запуски ({n}): {steps:,} з {total:,} {total:plural:ітерації|ітерацій|ітерацій}. "
        "Оцініть їх, коли вони завершаться.",
        "Your runs training ({n}): {steps:,} of {total:,} iterations. Judge them when they end.",
    ),
    "gan.qa.side.mine": ("Ваш запуск", "Your run"),
    "gan.qa.side.run": ("Запуск", "Run"),
    "gan.qa.side.preset": ("Колапс навмисно", "Collapse on purpose"),
    "gan.qa.covered": ("покрито класів: {covered} з {classes}", "classes covered: {covered} of {classes}"),
    "gan.qa.collapsed": (
        "Ітерація {step:,}: колапс — різноманітність {diversity:.2f}, покрито класів: {covered} з {classes}.",
        "Iteration {step:,}: collapse — diversity {diversity:.2f}, classes covered: {covered} of {classes}.",
    ),
    "gan.qa.not_collapsed": (
        "Ітерація {step:,}: колапсу немає — різноманітність {diversity:.2f}, покрито класів: {covered} з "
        "{classes}.",
        "Iteration {step:,}: no collapse — diversity {diversity:.2f}, classes covered: {covered} of "
        "{classes}.",
    ),
    "gan.qa.is_preset": (
        "Цей запуск і є «колапс навмисно». Щоб порівняти, виберіть під запитанням 1 свій звичайний запуск.",
        "This run is itself “collapse on purpose”. Pick one of your usual runs under question 1 to compare.",
    ),
    "gan.qa.preset_about": (
        "Ті самі дані й мережі, але G вчиться в 500 разів швидше за D (lr G = 5·10⁻³, lr D = 10⁻⁵): D майже "
        "не змінюється, і G щоразу перескакує до однієї картинки, яку D зараз вважає найсправжнішою. "
        "За {iterations} {iterations:plural:ітерацію|ітерації|ітерацій} його зразки стають майже копіями "
        "однієї картинки або всі належать одному класу: це і є колапс мод.",
        "The same data and networks, but G learns 500 times faster than D (lr G = 5·10⁻³, lr D = 10⁻⁵): D "
        "hardly changes, and G keeps jumping to the one picture D now takes as most real. Within "
        "{iterations} {iterations:plural:iteration|iterations} its samples become near-copies of one "
        "picture, or all of one class: that is mode collapse.",
    ),
    "gan.qa.preset_start": ("Почати «колапс навмисно»", "Start “collapse on purpose”"),
    "gan.qa.preset_title": ("Колапс навмисно · {run}", "Collapse on purpose · {run}"),
}
