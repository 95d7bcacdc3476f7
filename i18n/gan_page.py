"""Strings of the gan_page part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "ganp.title": ("Лаб. 1 — зображення з GAN", "Lab 1 — images with a GAN"),
    "ganp.intro": (
        "Генератор G перетворює випадковий шум z на зображення, дискримінатор D оцінює, чи "
        "зображення справжнє. Завантажте дані, задайте гіперпараметри, навчіть мережу за "
        "алгоритмом 1 методички й дослідіть результат: зразки, інтерполяцію та колапс мод.",
        "The generator G turns random noise z into an image; the discriminator D judges whether "
        "an image is real. Load data, set the hyperparameters, train by the manual's Algorithm 1 "
        "and study the result: samples, interpolation and mode collapse.",
    ),
    "ganp.tab.data": ("1 · Дані", "1 · Data"),
    "ganp.tab.model": ("2 · Модель", "2 · Model"),
    "ganp.tab.train": ("3 · Навчання", "3 · Train"),
    "ganp.tab.runs": ("Запуски", "Runs"),
    "ganp.tab.sample": ("Зразки", "Sample"),
    "ganp.tab.collapse": ("Колапс мод", "Mode collapse"),
    # --- data ---------------------------------------------------------------------------------
    "ganp.data.source": ("Джерело даних", "Data source"),
    "ganp.data.src.builtin": ("Вбудовані (без інтернету)", "Built-in (offline)"),
    "ganp.data.src.kaggle": ("Kaggle: датасет варіанта", "Kaggle: your variant's dataset"),
    "ganp.data.src.zip": ("ZIP-архів", "ZIP archive"),
    "ganp.data.src.folder": ("Локальна папка", "Local folder"),
    "ganp.data.builtin": ("Вбудований набір", "Built-in set"),
    "ganp.data.builtin.shapes": (
        "Геометричні фігури (коло, квадрат, трикутник)",
        "Geometric shapes (circle, square, triangle)",
    ),
    "ganp.data.builtin.digits": (
        "Рукописні цифри (scikit-learn, 1 797 шт.)",
        "Handwritten digits (scikit-learn, 1,797 images)",
    ),
    "ganp.data.builtin_help": (
        "Працюють без мережі: фігури малюються програмно, цифри постачаються з scikit-learn. "
        "Гарна заміна датасету Kaggle для швидкої демонстрації.",
        "Work offline: shapes are drawn by the program, digits ship with scikit-learn. "
        "A good stand-in for the Kaggle dataset in a quick demo.",
    ),
    "ganp.data.kaggle_dataset": (
        "Датасет вашого варіанта {number}: [{slug}]({url})",
        "Your variant {number} dataset: [{slug}]({url})",
    ),
    "ganp.data.kaggle_found": (
        "Облікові дані Kaggle знайдено в налаштуваннях сервера.",
        "Kaggle credentials were found in the server settings.",
    ),
    "ganp.data.kaggle_user": ("Ім'я користувача Kaggle", "Kaggle username"),
    "ganp.data.kaggle_key": ("Ключ API Kaggle", "Kaggle API key"),
    "ganp.data.kaggle_key_help": (
        "Kaggle → Settings → API → Create New Token. Ключ використовується лише для цього "
        "завантаження: він не зберігається ні на диску, ні в журналах.",
        "Kaggle → Settings → API → Create New Token. The key is used for this download only: "
        "it is never written to disk or logs.",
    ),
    "ganp.data.zip": ("ZIP з зображеннями (підпапки — класи)", "ZIP of images (subfolders are classes)"),
    "ganp.data.zip_needed": ("Спершу виберіть ZIP-файл.", "Choose a ZIP file first."),
    "ganp.data.folder": ("Шлях до папки на сервері", "Folder path on the server"),
    "ganp.data.folder_help": (
        "Папка із зображеннями на машині, де запущено GenLab; підпапки стають класами.",
        "A folder of images on the machine running GenLab; subfolders become classes.",
    ),
    "ganp.data.folder_needed": ("Спершу вкажіть шлях до папки.", "Enter a folder path first."),
    "ganp.data.size": ("Роздільна здатність, px", "Resolution, px"),
    "ganp.data.colour": ("Колір", "Colour"),
    "ganp.data.gray": ("Сірі", "Gray"),
    "ganp.data.rgb": ("RGB", "RGB"),
    "ganp.data.format_help": (
        "Типово — формат вашого варіанта. Менші й сірі зображення навчаються значно швидше.",
        "Defaults to your variant's format. Smaller and gray images train much faster.",
    ),
    "ganp.data.limit": ("Не більше зображень", "At most this many images"),
    "ganp.data.limit_auto": ("автоматично", "automatic"),
    "ganp.data.load": ("Завантажити дані", "Load data"),
    "ganp.data.loading": ("Підготовка зображень: {done}/{total}", "Preparing images: {done}/{total}"),
    "ganp.data.loaded": (
        "Завантажено {count} зображень {size}×{size} px ({colour}) · {source}",
        "Loaded {count} images of {size}×{size} px ({colour}) · {source}",
    ),
    "ganp.data.classes": ("Класи ({n}): {names}", "Classes ({n}): {names}"),
    "ganp.data.unlabelled": (
        "Класів немає (пласка папка): гістограма класів у вкладці «Колапс мод» буде недоступна.",
        "No classes (a flat folder): the class histogram in the Mode collapse tab is unavailable.",
    ),
    "ganp.data.converted": ("Перетворено: {items}", "Converted: {items}"),
    "ganp.data.skipped": ("Пропущено: {items}", "Skipped: {items}"),
    "ganp.data.clean": (
        "Усі файли прочитано без перетворень і пропусків.",
        "Every file was read with no conversions or skips.",
    ),
    "ganp.data.preview": ("Приклади з набору", "Examples from the set"),
    "ganp.data.need": (
        "Спершу завантажте дані у вкладці «1 · Дані».",
        "Load data in the “1 · Data” tab first.",
    ),
    # --- model --------------------------------------------------------------------------------
    "ganp.model.algorithm_link": (
        "Кожен параметр відповідає величині з алгоритму 1 методички (розгорніть нижче).",
        "Each parameter is a quantity of the manual's Algorithm 1 (expand it below).",
    ),
    "ganp.model.algorithm": ("Алгоритм 1 методички", "The manual's Algorithm 1"),
    "ganp.model.algorithm_text": (
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
    "ganp.hp.latent": ("Розмір латентного вектора z", "Latent size of z"),
    "ganp.hp.latent_help": (
        "Скільки чисел у векторі шуму z з розподілу p(z) (алгоритм 1: «вибрати міні-батч z»). "
        "Більше — більше варіацій, але довше навчання.",
        "How many numbers the noise vector z from p(z) holds (Algorithm 1: “sample a minibatch of z”). "
        "More gives more variation but trains longer.",
    ),
    "ganp.hp.g_width": ("Ширина G (канали)", "G width (channels)"),
    "ganp.hp.g_width_help": (
        "Кількість фільтрів найвужчого шару генератора; інші шари мають у 2, 4… рази більше. "
        "Ширша мережа малює детальніше, але повільніше.",
        "Filters in the generator's narrowest layer; the others have 2×, 4×… more. "
        "A wider network draws finer detail but is slower.",
    ),
    "ganp.hp.d_width": ("Ширина D (канали)", "D width (channels)"),
    "ganp.hp.d_width_help": (
        "Кількість фільтрів першого шару дискримінатора. Надто сильний D «задавлює» G.",
        "Filters in the discriminator's first layer. A much stronger D overpowers G.",
    ),
    "ganp.hp.batch": ("Міні-батч m", "Minibatch m"),
    "ganp.hp.batch_help": (
        "m з алгоритму 1: скільки векторів шуму і справжніх зображень бере кожен крок.",
        "m of Algorithm 1: how many noise vectors and real images each step takes.",
    ),
    "ganp.hp.iterations": ("Кількість ітерацій", "Number of iterations"),
    "ganp.hp.iterations_help": (
        "Зовнішній цикл алгоритму 1: кожна ітерація — k кроків D і один крок G.",
        "The outer loop of Algorithm 1: each iteration is k steps of D and one step of G.",
    ),
    "ganp.hp.k": ("Кроків D на ітерацію k", "D steps per iteration k"),
    "ganp.hp.k_help": (
        "k з алгоритму 1 (у методичці k = 1): скільки разів оновити D перед одним оновленням G.",
        "k of Algorithm 1 (the manual uses k = 1): how many D updates before one G update.",
    ),
    "ganp.hp.lr_g": ("Швидкість навчання G", "Learning rate of G"),
    "ganp.hp.lr_d": ("Швидкість навчання D", "Learning rate of D"),
    "ganp.hp.lr_help": (
        "Довжина кроку градієнтного спуску (алгоритм 1: «оновити параметри»). Типово 2·10⁻⁴ (DCGAN).",
        "Step length of gradient descent (Algorithm 1: “update the parameters”). Usually 2·10⁻⁴ (DCGAN).",
    ),
    "ganp.hp.beta1": ("Adam β₁", "Adam β₁"),
    "ganp.hp.beta2": ("Adam β₂", "Adam β₂"),
    "ganp.hp.beta_help": (
        "Моменти оптимізатора Adam. DCGAN радить β₁ = 0,5: менша інерція робить змагання стабільнішим.",
        "Adam's moments. DCGAN recommends β₁ = 0.5: less inertia keeps the game stable.",
    ),
    "ganp.hp.loss": ("Втрати генератора", "Generator loss"),
    "ganp.hp.loss_help": (
        "Мінімакс — як в алгоритмі 1: G мінімізує log(1 − D(G(z))). На початку D легко впізнає "
        "підробки, і градієнт майже нульовий. Ненасичувана: G максимізує log D(G(z)) — та сама "
        "рівновага, але сильний градієнт на початку; її використовують на практиці.",
        "Minimax, as in Algorithm 1: G minimises log(1 − D(G(z))). Early on D spots fakes easily and "
        "the gradient nearly vanishes. Non-saturating: G maximises log D(G(z)) — the same "
        "equilibrium but a strong early gradient; the usual practical choice.",
    ),
    "ganp.loss.minimax": ("мінімакс (алгоритм 1)", "minimax (Algorithm 1)"),
    "ganp.loss.nonsaturating": ("ненасичувана −log D(G(z))", "non-saturating −log D(G(z))"),
    "ganp.loss_short.minimax": ("мінімакс", "minimax"),
    "ganp.loss_short.nonsaturating": ("ненасичувана", "non-saturating"),
    "ganp.hp.label_smoothing": ("Згладжування міток", "Label smoothing"),
    "ganp.hp.label_smoothing_help": (
        "Ціль D для справжніх зображень 1 − ε замість 1 (наприклад, 0,1): D стає менш "
        "самовпевненим, навчання — стабільнішим.",
        "D's target for real images is 1 − ε instead of 1 (e.g. 0.1): D grows less "
        "overconfident and training steadier.",
    ),
    "ganp.hp.seed_help": (
        "Те саме зерно дає ті самі початкові ваги і той самий шум: експерименти відтворювані.",
        "The same seed gives the same initial weights and noise: experiments are reproducible.",
    ),
    "ganp.hp.depth": ("Глибина (шари з кроком 2)", "Depth (stride-2 layers)"),
    "ganp.hp.depth_help": (
        "Скільки разів G подвоює розмір карти ознак (а D зменшує його вдвічі). За найбільшої "
        "глибини G починає з карти 4×4 (7×7 для 28 px); за меншої — з більшої карти й має менше "
        "шарів. Порівняйте таблиці шарів і кількість параметрів нижче.",
        "How many times G doubles its feature map (and D halves it). At the largest depth G starts "
        "from a 4×4 map (7×7 at 28 px); at a smaller one it starts from a larger map with fewer "
        "layers. Compare the layer tables and parameter counts below.",
    ),
    "ganp.model.g": ("Генератор G: z → зображення", "Generator G: z → image"),
    "ganp.model.d": ("Дискримінатор D: зображення → D(x)", "Discriminator D: image → D(x)"),
    "ganp.model.params": ("{n} параметрів", "{n} parameters"),
    "ganp.model.format": (
        "Архітектура для даних {size}×{size} px, каналів: {channels}.",
        "Architecture for {size}×{size} px data, channels: {channels}.",
    ),
    "ganp.col.layer": ("Шар", "Layer"),
    "ganp.col.input": ("Вхід", "Input"),
    "ganp.col.output": ("Вихід", "Output"),
    "ganp.col.params": ("Параметри", "Parameters"),
    # --- train --------------------------------------------------------------------------------
    "ganp.train.summary": (
        "Дані: {count} зображень · {iterations} ітерацій · m = {batch} · k = {k}",
        "Data: {count} images · {iterations} iterations · m = {batch} · k = {k}",
    ),
    "ganp.train.start": ("Почати навчання", "Start training"),
    "ganp.train.run": ("Запуск {run}", "Run {run}"),
    "ganp.train.none": (
        "Ще немає запуску. Натисніть «Почати навчання» або виберіть запуск у вкладці «Запуски».",
        "No run yet. Press “Start training” or pick a run in the Runs tab.",
    ),
    "ganp.train.extend": ("Додати ітерацій", "Add iterations"),
    "ganp.train.extend_go": ("Додати й продовжити", "Add and continue"),
    "ganp.train.resume": ("Продовжити навчання", "Resume training"),
    "ganp.train.waiting_metrics": (
        "Перші вимірювання з'являться за кілька секунд…",
        "The first measurements appear in a few seconds…",
    ),
    "ganp.train.speed": (
        "Швидкість: {speed} зобр./с · час навчання {seconds} с",
        "Speed: {speed} img/s · trained for {seconds} s",
    ),
    "ganp.train.collapsed": (
        "Схоже на колапс мод (вимірювання на ітерації {step}): G малює надто схожі зображення "
        "або лише частину класів. Подробиці та поради — у вкладці «{tab}».",
        "This looks like mode collapse (measured at iteration {step}): G draws images that are too "
        "alike, or only some of the classes. Details and advice are in the “{tab}” tab.",
    ),
    "ganp.train.to_collapse": ("Відкрити «{tab}»", "Open “{tab}”"),
    "ganp.phase.loading": ("Завантаження даних: {loaded}/{to_load}", "Loading the data: {loaded}/{to_load}"),
    "ganp.phase.probe": (
        "Навчання класифікатора-зонда для вимірювання колапсу мод: {probe_done}/{probe_total} кроків "
        "(один раз на запуск)",
        "Training the class probe that measures mode collapse: {probe_done}/{probe_total} steps "
        "(once per run)",
    ),
    "ganp.phase.waiting": (
        "Прискорювач зайнятий іншою роботою; у черзі попереду: {ahead}",
        "The accelerator is busy with other work; ahead in the queue: {ahead}",
    ),
    "ganp.phase.saving": ("Збереження контрольної точки…", "Saving a checkpoint…"),
    "ganp.chart.losses": ("Втрати D і G", "Losses of D and G"),
    "ganp.chart.probs": ("Оцінки дискримінатора", "Discriminator outputs"),
    "ganp.chart.step": ("ітерація", "iteration"),
    "ganp.chart.loss": ("втрата", "loss"),
    "ganp.chart.prob": ("D(·), середнє за батч", "D(·), batch mean"),
    "ganp.series.loss_d": ("втрата D", "D loss"),
    "ganp.series.loss_g": ("втрата G", "G loss"),
    "ganp.series.d_real": ("D(x) — справжні", "D(x) — real"),
    "ganp.series.d_fake": ("D(G(z)) — згенеровані", "D(G(z)) — generated"),
    "ganp.chart.probs_help": (
        "Рівновага: D(x) і D(G(z)) прямують до 0,5 — дискримінатор більше не відрізняє підробки.",
        "At equilibrium D(x) and D(G(z)) approach 0.5 — the discriminator can no longer tell fakes apart.",
    ),
    "ganp.train.samples": ("Зразки G на ітерації {step}", "G's samples at iteration {step}"),
    "ganp.train.latest": ("Останні значення (ітерація {step})", "Latest values (iteration {step})"),
    "ganp.train.snapshot": ("Знімок на ітерації", "Snapshot at iteration"),
    "ganp.train.samples_fixed": (
        "Той самий фіксований шум z на кожному знімку: видно, як G вчиться.",
        "The same fixed noise z in every snapshot: you see how G learns.",
    ),
    # --- runs ---------------------------------------------------------------------------------
    "ganp.runs.empty": ("Запусків ще немає.", "No runs yet."),
    "ganp.runs.pick": ("Виберіть рядок, щоб відкрити запуск.", "Select a row to open a run."),
    "ganp.runs.chosen": ("Вибрано запуск {run}", "Selected run {run}"),
    "ganp.runs.open": ("Відкрити у «Навчанні»", "Open in Train"),
    "ganp.runs.delete": ("Видалити", "Delete"),
    "ganp.runs.confirm": (
        "Видалити запуск {run} разом з усіма контрольними точками та зразками? Цю дію не скасувати.",
        "Delete run {run} with all its checkpoints and samples? This cannot be undone.",
    ),
    "ganp.runs.confirm_yes": ("Так, видалити", "Yes, delete"),
    "ganp.runs.cancel": ("Скасувати", "Cancel"),
    "ganp.runs.deleted": ("Запуск {run} видалено.", "Run {run} deleted."),
    "ganp.col.run": ("Запуск", "Run"),
    "ganp.col.state": ("Стан", "State"),
    "ganp.col.created": ("Створено", "Created"),
    "ganp.col.data": ("Дані", "Data"),
    "ganp.col.iterations": ("Ітерацій", "Iterations"),
    "ganp.col.widths": ("Ширина G/D", "Width G/D"),
    "ganp.col.depth": ("Глибина", "Depth"),
    "ganp.col.loss": ("Втрата G", "G loss"),
    "ganp.col.loss_d": ("Втрата D", "D loss"),
    "ganp.col.diversity": ("Різноманітність", "Diversity"),
    "ganp.col.modes": ("Покрито мод", "Modes covered"),
    "ganp.col.kl": ("KL", "KL"),
    "ganp.col.speed": ("зобр./с", "img/s"),
    "ganp.col.time": ("Час, с", "Time, s"),
    "ganp.state.running": ("навчається", "training"),
    "ganp.state.done": ("готово", "done"),
    "ganp.state.stopped": ("зупинено", "stopped"),
    "ganp.state.failed": ("помилка", "failed"),
    "ganp.state.interrupted": ("перервано", "interrupted"),
    "ganp.state.new": ("новий", "new"),
    # --- sample -------------------------------------------------------------------------------
    "ganp.sample.need_run": (
        "Зразки з'являться після першої контрольної точки навчання.",
        "Samples appear after training saves its first checkpoint.",
    ),
    "ganp.sample.run": ("Запуск", "Run"),
    "ganp.sample.grid": ("Сітка зразків", "Sample grid"),
    "ganp.sample.n": ("Кількість зображень", "Number of images"),
    "ganp.sample.caption": (
        "{n} зображень, зерно {seed}: інше зерно — інші вектори z.",
        "{n} images, seed {seed}: another seed gives other vectors z.",
    ),
    "ganp.sample.interp": ("Інтерполяція в латентному просторі", "Latent interpolation"),
    "ganp.sample.interp_help": (
        "Рух від z(A) до z(B) показує, що G відображає сусідні точки простору шуму в схожі "
        "зображення. Сферична (slerp) іде по дузі й зберігає типову довжину z.",
        "Moving from z(A) to z(B) shows that G maps nearby noise points to similar images. "
        "Spherical (slerp) follows an arc and keeps z at a typical length.",
    ),
    "ganp.sample.seed_a": ("Зерно A", "Seed A"),
    "ganp.sample.seed_b": ("Зерно B", "Seed B"),
    "ganp.sample.steps": ("Кроків", "Steps"),
    "ganp.sample.linear": ("Лінійна", "Linear"),
    "ganp.sample.slerp": ("Сферична (slerp)", "Spherical (slerp)"),
    # --- collapse -----------------------------------------------------------------------------
    "ganp.collapse.what": (
        "**Колапс мод** — G знаходить кілька зображень, що обманюють D, і генерує лише їх, "
        "ігноруючи решту даних. Ознаки: зразки схожі між собою (низька різноманітність) і "
        "покривають не всі класи (великий KL між розподілом класів згенерованих і справжніх).",
        "**Mode collapse**: G finds a few images that fool D and generates only those, ignoring "
        "the rest of the data. Signs: samples look alike (low diversity) and cover only some "
        "classes (a large KL between the class distributions of generated and real images).",
    ),
    "ganp.collapse.need": (
        "Метрики з'являться після першого вимірювання під час навчання.",
        "The measures appear after the first measurement during training.",
    ),
    "ganp.collapse.diversity": ("Різноманітність зразків", "Sample diversity"),
    "ganp.collapse.diversity_help": (
        "Середня відстань між парами згенерованих зображень відносно такої ж відстані для "
        "справжніх: ≈ 1 — як у даних, близько 0 — усі зразки однакові.",
        "Mean distance between pairs of generated images relative to the same for real "
        "images: ≈ 1 is like the data, near 0 means every sample is the same.",
    ),
    "ganp.collapse.modes_help": (
        "Клас вважається покритим, якщо має хоча б чверть своєї рівної частки зразків. "
        "KL = 0, коли згенеровані класи трапляються в тих самих пропорціях, що й справжні.",
        "A class counts as covered when it holds at least a quarter of its fair share of samples. "
        "KL = 0 when generated classes appear in the same proportions as the real ones.",
    ),
    "ganp.collapse.threshold": ("поріг колапсу", "collapse threshold"),
    "ganp.collapse.real_unknown": (
        "Сірі стовпці справжнього розподілу й назви класів з'являться, коли дані цього запуску "
        "завантажено у вкладці «1 · Дані».",
        "The grey bars of the real distribution and the class names appear when this run's data "
        "is loaded in the “1 · Data” tab.",
    ),
    "ganp.collapse.modes": ("Покриття класів", "Class coverage"),
    "ganp.collapse.modes_axis": ("покрито класів", "classes covered"),
    "ganp.collapse.kl_axis": ("KL(справжні ‖ згенеровані)", "KL(real ‖ generated)"),
    "ganp.collapse.histogram": (
        "Розподіл класів: справжні й згенеровані",
        "Class distribution: real vs generated",
    ),
    "ganp.collapse.share": ("частка", "share"),
    "ganp.collapse.class": ("клас", "class"),
    "ganp.collapse.real": ("справжні", "real"),
    "ganp.collapse.generated": ("згенеровані", "generated"),
    "ganp.collapse.no_classes": (
        "Набір без класів: гістограма й покриття недоступні, лишається різноманітність.",
        "A set without classes: the histogram and coverage are unavailable; diversity remains.",
    ),
    "ganp.collapse.detected": (
        "Схоже на колапс мод: різноманітність {diversity:.2f}, покрито {covered} з {classes} класів. "
        "G малює лише частину даних. Спробуйте: ненасичувані втрати, меншу швидкість навчання G, "
        "згладжування міток, більший міні-батч або інше зерно.",
        "This looks like mode collapse: diversity {diversity:.2f}, {covered} of {classes} classes covered. "
        "G draws only part of the data. Try: the non-saturating loss, a lower learning rate for G, "
        "label smoothing, a larger minibatch or another seed.",
    ),
    "ganp.collapse.ok": (
        "Колапсу не виявлено: різноманітність {diversity:.2f}, покрито {covered} з {classes} класів.",
        "No collapse detected: diversity {diversity:.2f}, {covered} of {classes} classes covered.",
    ),
    # --- control questions --------------------------------------------------------------------
    "ganp.q.1": (
        "Що таке GAN і з яких компонентів вона складається?",
        "What is a GAN and what are its parts?",
    ),
    "ganp.a.1": (
        "«2 · Модель»: таблиці шарів генератора G і дискримінатора D; «3 · Навчання»: їхнє змагання на графіках.",
        "“2 · Model”: the layer tables of the generator G and discriminator D; “3 · Train”: their game on the charts.",
    ),
    "ganp.q.2": (
        "Як генератор перетворює шум на зображення?",
        "How does the generator turn noise into an image?",
    ),
    "ganp.a.2": (
        "«2 · Модель»: форма виходу кожного шару G від z до зображення; «Зразки»: інтерполяція між двома z.",
        "“2 · Model”: the output shape of each G layer from z to the image; “Sample”: interpolation between two z.",
    ),
    "ganp.q.3": (
        "Які гіперпараметри впливають на якість роботи GAN?",
        "Which hyperparameters affect a GAN's quality?",
    ),
    "ganp.a.3": (
        "«Запуски»: порівняйте запуски з різними m, k, lr, β і втратами — кінцеві втрати, різноманітність і KL поруч.",
        "“Runs”: compare runs with different m, k, lr, β and losses — final losses, diversity and KL side by side.",
    ),
    "ganp.q.4": (
        "Які типи шарів використовуються в генераторі?",
        "Which layer types does the generator use?",
    ),
    "ganp.a.4": (
        "«2 · Модель», таблиця G: транспоновані згортки, пакетна нормалізація, ReLU і Tanh на виході.",
        "“2 · Model”, table of G: transposed convolutions, batch normalisation, ReLU and Tanh at the output.",
    ),
    "ganp.q.5": ("Що таке «колапс мод»?", "What is mode collapse?"),
    "ganp.a.5": (
        "«Колапс мод»: графіки різноманітності й покриття класів та гістограма «справжні vs згенеровані».",
        "“Mode collapse”: the diversity and class-coverage charts and the real-vs-generated histogram.",
    ),
}
