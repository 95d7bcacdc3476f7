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
        "Архів завеликий: {files} файлів. Дозволено до {gigabytes} ГБ у розпакованому вигляді — "
        "залиште в архіві лише потрібні зображення.",
        "The archive is too big: {files} files. At most {gigabytes} GB unpacked is allowed — keep "
        "only the images you need in it.",
    ),
    "gan.data.folder_missing": (
        "Папку «{path}» не знайдено. Перевірте шлях: це має бути папка на комп’ютері, де запущено застосунок.",
        "Folder “{path}” was not found. Check the path: it must be a folder on the computer that runs the app.",
    ),
    "gan.data.empty": (
        "У джерелі «{source}» не знайдено жодного придатного зображення (пропущено файлів: {skipped}). "
        "Потрібні файли JPG, PNG, BMP, GIF, WEBP або TIFF, класи — в окремих папках.",
        "No usable image was found in “{source}” ({skipped} files skipped). JPG, PNG, BMP, GIF, WEBP "
        "or TIFF files are needed, with classes in separate folders.",
    ),
    "gan.data.bad_idx": (
        "Файл MNIST «{file}» пошкоджений або обрізаний: очікується формат IDX (ubyte). "
        "Завантажте набір ще раз.",
        "The MNIST file “{file}” is damaged or cut short: the IDX (ubyte) format is expected. "
        "Download the data set again.",
    ),
    "gan.data.bad_csv": (
        "Файл «{file}» не схожий на CSV Fashion-MNIST: очікується заголовок label,pixel1..pixel784 "
        "і цілі числа 0–255 у рядках.",
        "“{file}” does not look like a Fashion-MNIST CSV: a header label,pixel1..pixel784 and whole "
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
    # --- model and training (services) -------------------------------------------------------------
    # configuration errors (GanConfig.check)
    "gan.config.size": (
        "Розмір зображення {value} px не підтримується: оберіть {sizes}.",
        "Image size {value} px is not supported: choose {sizes}.",
    ),
    "gan.config.channels": (
        "Кількість каналів має бути 1 (відтінки сірого) або 3 (RGB), а не {value}.",
        "The number of channels must be 1 (grayscale) or 3 (RGB), not {value}.",
    ),
    "gan.config.latent": (
        "Розмірність латентного вектора z має бути цілим числом від {low} до {high} (зараз {value}).",
        "The latent size of z must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.g_width": (
        "Ширина генератора має бути цілим числом від {low} до {high} (зараз {value}).",
        "The generator width must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.d_width": (
        "Ширина дискримінатора має бути цілим числом від {low} до {high} (зараз {value}).",
        "The discriminator width must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.depth": (
        "Глибина {value} неможлива для {size} px: від 1 до {most} шарів зі кроком 2.",
        "A depth of {value} is impossible at {size} px: use 1 to {most} stride-2 layers.",
    ),
    "gan.config.batch": (
        "Розмір міні-батчу m має бути цілим числом від {low} до {high} (зараз {value}).",
        "The minibatch size m must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.iterations": (
        "Кількість ітерацій має бути цілим числом від {low} до {high} (зараз {value}).",
        "The number of iterations must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.k": (
        "Кількість кроків дискримінатора k має бути цілим числом від {low} до {high} (зараз {value}).",
        "The number of discriminator steps k must be a whole number from {low} to {high} (now {value}).",
    ),
    "gan.config.lr": (
        "Швидкість навчання має бути додатним числом, не більшим за 1 (зараз {value}).",
        "The learning rate must be a positive number no larger than 1 (now {value}).",
    ),
    "gan.config.beta": (
        "Коефіцієнти Adam β₁ і β₂ мають бути в межах [0, 1) (зараз {value}).",
        "Adam's β₁ and β₂ must lie in [0, 1) (now {value}).",
    ),
    "gan.config.loss": (
        "Невідома функція втрат генератора «{value}»: оберіть мінімаксну або ненасичувану.",
        "Unknown generator loss “{value}”: choose minimax or non-saturating.",
    ),
    "gan.config.smoothing": (
        "Згладжування міток має бути в межах [0, 0.5) (зараз {value}).",
        "Label smoothing must lie in [0, 0.5) (now {value}).",
    ),
    "gan.config.seed": (
        "Зерно генератора випадкових чисел має бути невід’ємним цілим числом (зараз {value}).",
        "The random seed must be a non-negative whole number (now {value}).",
    ),
    "gan.config.sample_every": (
        "Інтервал збереження зразків має бути цілим числом від {low} до {high} кроків (зараз {value}).",
        "The sample interval must be a whole number of steps from {low} to {high} (now {value}).",
    ),
    "gan.config.eval_every": (
        "Інтервал вимірювання колапсу має бути цілим числом від {low} до {high} кроків (зараз {value}).",
        "The mode-collapse interval must be a whole number of steps from {low} to {high} (now {value}).",
    ),
    "gan.config.checkpoint_every": (
        "Інтервал контрольних точок має бути цілим числом від {low} до {high} кроків (зараз {value}).",
        "The checkpoint interval must be a whole number of steps from {low} to {high} (now {value}).",
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
        "Замало зображень: {count}, а міні-батч — {batch}. Додайте даних або зменште міні-батч.",
        "Too few images: {count} for a minibatch of {batch}. Add data or use a smaller minibatch.",
    ),
    "gan.data.spec": (
        "Не вказано, звідки брати дані для навчання (вбудований набір, Kaggle, тека або zip-архів).",
        "It is not said where the training data comes from (built-in set, Kaggle, folder or zip archive).",
    ),
    "gan.data.folder": (
        "Теку «{path}» не знайдено на сервері.",
        "The folder “{path}” was not found on the server.",
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
        "Усі {iterations} ітерацій уже виконано. Додайте ітерацій, щоб навчати далі.",
        "All {iterations} iterations are done. Add iterations to train further.",
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
    "gan.data.folder_path": ("Шлях до папки на сервері", "Folder path on the server"),
    "gan.data.folder_help": (
        "Папка із зображеннями на машині, де запущено GenLab; підпапки стають класами.",
        "A folder of images on the machine running GenLab; subfolders become classes.",
    ),
    "gan.data.folder_needed": ("Спершу вкажіть шлях до папки.", "Enter a folder path first."),
    "gan.data.size": ("Роздільна здатність, px", "Resolution, px"),
    "gan.data.colour": ("Колір", "Colour"),
    "gan.data.colour.1": ("Сірі", "Gray"),
    "gan.data.colour.3": ("RGB", "RGB"),
    "gan.data.format_help": (
        "Типово — формат вашого варіанта. Менші й сірі зображення навчаються значно швидше.",
        "Defaults to your variant's format. Smaller and gray images train much faster.",
    ),
    "gan.data.limit": ("Не більше зображень", "At most this many images"),
    "gan.data.limit_auto": ("автоматично", "automatic"),
    "gan.data.load": ("Завантажити дані", "Load data"),
    "gan.data.loading": ("Підготовка зображень: {done}/{total}", "Preparing images: {done}/{total}"),
    "gan.data.loaded": (
        "Завантажено {count} зображень {size}×{size} px ({colour}) · {source}",
        "Loaded {count} images of {size}×{size} px ({colour}) · {source}",
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
    "gan.model.params": ("{n} параметрів", "{n} parameters"),
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
        "Дані: {count} зображень · {iterations} ітерацій · m = {batch} · k = {k}",
        "Data: {count} images · {iterations} iterations · m = {batch} · k = {k}",
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
    "gan.train.speed": (
        "Швидкість: {speed} зобр./с · час навчання {seconds} с",
        "Speed: {speed} img/s · trained for {seconds} s",
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
    "gan.col.time": ("Час, с", "Time, s"),
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
        "{n} зображень, зерно {seed}: інше зерно — інші вектори z.",
        "{n} images, seed {seed}: another seed gives other vectors z.",
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
    # --- control questions --------------------------------------------------------------------
    "gan.q.1": (
        "Що таке GAN і з яких компонентів вона складається?",
        "What is a GAN and what are its parts?",
    ),
    "gan.a.1": (
        "«2 · Модель»: таблиці шарів генератора G і дискримінатора D; «3 · Навчання»: їхнє змагання на графіках.",
        "“2 · Model”: the layer tables of the generator G and discriminator D; “3 · Train”: their game on the charts.",
    ),
    "gan.q.2": (
        "Як генератор перетворює шум на зображення?",
        "How does the generator turn noise into an image?",
    ),
    "gan.a.2": (
        "«2 · Модель»: форма виходу кожного шару G від z до зображення; «Зразки»: інтерполяція між двома z.",
        "“2 · Model”: the output shape of each G layer from z to the image; “Sample”: interpolation between two z.",
    ),
    "gan.q.3": (
        "Які гіперпараметри впливають на якість роботи GAN?",
        "Which hyperparameters affect a GAN's quality?",
    ),
    "gan.a.3": (
        "«Запуски»: порівняйте запуски з різними m, k, lr, β і втратами — кінцеві втрати, різноманітність і KL поруч.",
        "“Runs”: compare runs with different m, k, lr, β and losses — final losses, diversity and KL side by side.",
    ),
    "gan.q.4": (
        "Які типи шарів використовуються в генераторі?",
        "Which layer types does the generator use?",
    ),
    "gan.a.4": (
        "«2 · Модель», таблиця G: транспоновані згортки, пакетна нормалізація, ReLU і Tanh на виході.",
        "“2 · Model”, table of G: transposed convolutions, batch normalisation, ReLU and Tanh at the output.",
    ),
    "gan.q.5": ("Що таке «колапс мод»?", "What is mode collapse?"),
    "gan.a.5": (
        "«Колапс мод»: графіки різноманітності й покриття класів та гістограма «справжні vs згенеровані».",
        "“Mode collapse”: the diversity and class-coverage charts and the real-vs-generated histogram.",
    ),
}
