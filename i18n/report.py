"""Lab report strings (services/report and the Report tab, ui/report.py), under the ``report.``
prefix but for the three tabs' labels, which ui/tabs.py looks up under each lab's prefix:
key -> (Ukrainian, English).

Topics and goals are the lab manual's own words; section names follow its "Зміст звіту".
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- the manual: each lab's topic and goal -----------------------------------------------------
    "report.lab.gan.topic": (
        "Створення зображень з використанням генеративно-змагальних нейронних мереж",
        "Creating images with generative adversarial networks",
    ),
    "report.lab.gan.goal": (
        "дослідити процес генерування зображень за допомогою генеративно-змагальних нейронних мереж (GAN).",
        "to study how images are generated with generative adversarial networks (GAN).",
    ),
    "report.lab.diffusion.topic": (
        "Створення зображень з використанням Stable Diffusion (WebUI)",
        "Creating images with Stable Diffusion (WebUI)",
    ),
    "report.lab.diffusion.goal": (
        "дослідити процес генерування зображень за допомогою інструменту Stable Diffusion та ознайомитися "
        "з його можливостями.",
        "to study how images are generated with Stable Diffusion and to get to know its capabilities.",
    ),
    "report.lab.llm.topic": ("Дослідження та аналіз ChatGPT", "Studying and analysing ChatGPT"),
    "report.lab.llm.goal": (
        "проаналізувати можливості великої мовної моделі (LLM) на прикладі ChatGPT, дослідити її обмеження "
        "та потенціал у задачах генерації тексту.",
        "to analyse the capabilities of a large language model (LLM), ChatGPT as the example, and to study "
        "its limits and potential in text generation tasks.",
    ),
    # --- title page and sections ------------------------------------------------------------------
    "report.title.heading": ("ПРАКТИЧНА РОБОТА №{number}", "PRACTICAL WORK No. {number}"),
    "report.title.variant": ("Варіант", "Variant"),
    "report.title.student": ("Виконав(ла)", "Done by"),
    "report.title.group": ("Група", "Group"),
    "report.title.instructor": ("Перевірив(ла)", "Checked by"),
    "report.section.topic": ("Тема та мета роботи", "Topic and goal"),
    "report.section.code.gan": (
        "Варіант завдання та код програми розв’язку",
        "The variant and the program code of the solution",
    ),
    "report.section.code.diffusion": (
        "Варіант завдання та код програми розв’язку",
        "The variant and the program code of the solution",
    ),
    "report.section.code.llm": (
        "Виконання індивідуального завдання: запити і результати",
        "The individual task: requests and results",
    ),
    "report.section.results": ("Експериментальні результати", "Experimental results"),
    "report.section.conclusions": ("Висновки", "Conclusions"),
    "report.section.questions": ("Контрольні запитання", "Control questions"),
    "report.topic": ("Тема: {topic}.", "Topic: {topic}."),
    "report.goal": ("Мета роботи: {goal}", "Goal: {goal}"),
    "report.variant.line": ("Варіант {number}: {subject}.", "Variant {number}: {subject}."),
    "report.variant.none": ("Варіант не обрано.", "No variant chosen."),
    "report.missing": (
        "«{title}» вилучено до створення звіту, тому до нього не включено.",
        "“{title}” was deleted before the report was made, so it is left out.",
    ),
    "report.concl.nothing": (
        "Немає вимірів, з яких можна зробити висновки: додайте до звіту запуски чи експерименти.",
        "There are no measurements to draw conclusions from: add runs or experiments to the report.",
    ),
    # --- numbered things ---------------------------------------------------------------------------
    "report.label.figure": ("Рисунок", "Figure"),
    "report.label.table": ("Таблиця", "Table"),
    "report.label.listing": ("Лістинг", "Listing"),
    "report.label.figures": ("Перелік рисунків", "List of figures"),
    "report.caption.settings": ("Налаштування «{title}»", "Settings of “{title}”"),
    "report.caption.script": ("Програма {file}", "Program {file}"),
    "report.caption.script_settings": (
        "Налаштування програми {file}; решта коду — як у {first}",
        "The settings of program {file}; the rest of the code is as in {first}",
    ),
    "report.table.setting": ("Параметр", "Setting"),
    "report.table.value": ("Значення", "Value"),
    "report.table.measure": ("Показник", "Measure"),
    "report.table.seconds": ("Час, с", "Time, s"),
    "report.table.seconds_per_step": ("с/крок", "s/step"),
    # --- chart axes and legends ---------------------------------------------------------------------
    "report.chart.step": ("ітерація", "iteration"),
    "report.chart.loss": ("втрати", "loss"),
    "report.chart.d_output": ("вихід D", "output of D"),
    "report.chart.diversity": ("різноманітність", "diversity"),
    "report.chart.coverage": ("частка покритих класів", "share of classes covered"),
    "report.chart.threshold": ("поріг колапсу", "collapse threshold"),
    "report.chart.measure": ("значення", "value"),
    "report.chart.seconds": ("час, с", "time, s"),
    "report.chart.measured": ("виміряно", "measured"),
    "report.chart.fit_line": ("пряма (найменші квадрати)", "least-squares line"),
    "report.chart.fit_power": ("степенева залежність", "power law"),
    "report.chart.megapixels": ("мегапікселів", "megapixels"),
    # --- Lab 1 ---------------------------------------------------------------------------------------
    "report.gan.code_intro": (
        "Програма нижче відтворює запуск «{title}»: ті самі мережі G і D, алгоритм 1 і дані, "
        "з налаштуваннями з таблиці.",
        "The program below repeats run “{title}”: the same networks G and D, Algorithm 1 and data, "
        "with the settings in the table.",
    ),
    "report.gan.data": ("Дані", "Data"),
    "report.gan.images": ("Кількість зображень", "Images"),
    "report.gan.image_size": ("Розмір зображень, px; канали", "Image size, px; channels"),
    "report.gan.latent": ("Довжина вектора шуму z", "Length of the noise vector z"),
    "report.gan.widths": ("Ширина G / D (ngf / ndf)", "Width of G / D (ngf / ndf)"),
    "report.gan.layers": ("Шарів з кроком 2 у кожній мережі", "Stride-2 layers in each network"),
    "report.gan.batch": ("Мініпакет m", "Minibatch m"),
    "report.gan.iterations": ("Ітерацій; кроків D на ітерацію", "Iterations; D steps per iteration"),
    "report.gan.lr": ("Швидкість навчання G / D", "Learning rate of G / D"),
    "report.gan.betas": ("Adam: β1, β2", "Adam: β1, β2"),
    "report.gan.loss": ("Втрати генератора", "Generator loss"),
    "report.gan.loss.minimax": ("мінімакс: log(1 − D(G(z)))", "minimax: log(1 − D(G(z)))"),
    "report.gan.loss.nonsaturating": ("ненасичувальні: −log D(G(z))", "non-saturating: −log D(G(z))"),
    "report.gan.smoothing": ("Згладжування міток", "Label smoothing"),
    "report.gan.seed": ("Зерно (seed)", "Seed"),
    "report.gan.summary": (
        "Навчання: {step} з {iterations} ітерацій за {seconds:duration}; стан — {status}.",
        "Training: {step} of {iterations} iterations in {seconds:duration}; status: {status}.",
    ),
    "report.gan.speed": (
        "Швидкість: {speed:.0f} зображень за секунду ({device}).",
        "Speed: {speed:.0f} images a second ({device}).",
    ),
    "report.status.new": ("новий", "new"),
    "report.status.running": ("навчається", "training"),
    "report.status.stopped": ("зупинений", "stopped"),
    "report.status.done": ("завершений", "finished"),
    "report.status.failed": ("з помилкою", "failed"),
    "report.status.interrupted": ("перерваний", "interrupted"),
    "report.gan.fig.losses": (
        "Втрати дискримінатора L_D і генератора L_G під час навчання («{title}»)",
        "Losses of the discriminator L_D and the generator L_G during training (“{title}”)",
    ),
    "report.gan.fig.outputs": (
        "Середні виходи дискримінатора D(x) і D(G(z)) («{title}»)",
        "Mean outputs of the discriminator, D(x) and D(G(z)) (“{title}”)",
    ),
    "report.gan.fig.collapse": (
        "Міри колапсу мод: різноманітність зразків і частка покритих класів («{title}»)",
        "Mode-collapse measures: the diversity of the samples and the share of classes covered (“{title}”)",
    ),
    "report.gan.fig.samples": (
        "Зразки генератора після {step} ітерацій («{title}»)",
        "Samples of the generator after {step} iterations (“{title}”)",
    ),
    "report.gan.fig.interpolation": (
        "Інтерполяція між двома векторами шуму («{title}»)",
        "Interpolation between two noise vectors (“{title}”)",
    ),
    "report.gan.table.final": (
        "Останні виміри запуску «{title}» (ітерація {step})",
        "The last measurements of run “{title}” (iteration {step})",
    ),
    "report.gan.covered": ("Покрито класів", "Classes covered"),
    "report.gan.concl.final": (
        "Запуск «{title}»: виконано {step} з {iterations} ітерацій; наприкінці L_D = {loss_d}, "
        "L_G = {loss_g}, D(x) = {d_real}, D(G(z)) = {d_fake}.",
        "Run “{title}”: {step} of {iterations} iterations done; at the end L_D = {loss_d}, "
        "L_G = {loss_g}, D(x) = {d_real}, D(G(z)) = {d_fake}.",
    ),
    "report.gan.concl.balanced": (
        "Обидва виходи дискримінатора близькі до 0,5: він уже погано відрізняє справжні зображення "
        "від згенерованих, гра наблизилася до рівноваги.",
        "Both outputs of the discriminator are near 0.5: it can hardly tell real images from generated "
        "ones any more, and the game is near its balance.",
    ),
    "report.gan.concl.d_wins": (
        "Дискримінатор легко відрізняє справжні зображення від згенерованих (D(x) ≥ 0,9, D(G(z)) ≤ 0,1): "
        "генератор ще далекий від даних.",
        "The discriminator tells real images from generated ones with ease (D(x) ≥ 0.9, D(G(z)) ≤ 0.1): "
        "the generator is still far from the data.",
    ),
    "report.gan.concl.g_fools": (
        "D(G(z)) більше за D(x): наприкінці дискримінатор оцінював згенеровані зображення вище за справжні.",
        "D(G(z)) is above D(x): at the end the discriminator rated generated images above real ones.",
    ),
    "report.gan.concl.d_ahead": (
        "Дискримінатор оцінює справжні зображення вище за згенеровані (на {gap:.2f}).",
        "The discriminator rates real images above generated ones (by {gap:.2f}).",
    ),
    "report.gan.concl.collapse_unmeasured": (
        "Колапс мод у цьому запуску не вимірювався.",
        "Mode collapse was not measured in this run.",
    ),
    "report.gan.concl.no_collapse": (
        "Ознак колапсу мод не виявлено ({count} {count:plural:вимір|виміри|вимірів}): остання "
        "різноманітність зразків — {diversity:.2f} (1 — як у справжніх даних).",
        "No sign of mode collapse ({count} {count:plural:measurement|measurements}): the last diversity "
        "of the samples is {diversity:.2f} (1: as diverse as the real data).",
    ),
    "report.gan.concl.collapse": (
        "Ознаки колапсу мод з’явилися на ітерації {step}: {signs}.",
        "Mode collapse showed at iteration {step}: {signs}.",
    ),
    "report.gan.concl.sign.diversity": (
        "різноманітність зразків — {diversity:.2f}, нижче за поріг {threshold}",
        "the diversity of the samples was {diversity:.2f}, below the threshold of {threshold}",
    ),
    "report.gan.concl.sign.coverage": (
        "генератор малював лише {covered} з {classes} класів",
        "the generator drew only {covered} of the {classes} classes",
    ),
    "report.gan.concl.recovered": (
        "На ітерації {step} ознак колапсу вже не було (різноманітність {diversity:.2f}).",
        "By iteration {step} the signs were gone (diversity {diversity:.2f}).",
    ),
    "report.gan.concl.unjudged": (
        "Виміри до ітерації {step} колапсом не оцінювалися: на початку навчання будь-який генератор "
        "малює майже однакові розмиті зображення.",
        "Measurements before iteration {step} were not judged for collapse: early in training every "
        "generator draws near-identical blurs.",
    ),
    "report.gan.concl.too_short": (
        "Колапс мод не оцінювався: запуск закінчився на ітерації {step}, а на початку навчання будь-який "
        "генератор малює майже однакові розмиті зображення.",
        "Mode collapse was not judged: the run stopped at iteration {step}, and early in training every "
        "generator draws near-identical blurs.",
    ),
    "report.gan.concl.coverage": (
        "Генератор малює {covered} з {classes} класів даних.",
        "The generator draws {covered} of the {classes} classes of the data.",
    ),
    "report.gan.concl.compare": (
        "Найрізноманітніші зразки дав запуск «{best}» ({best_value:.2f}), найменш різноманітні — "
        "«{worst}» ({worst_value:.2f}).",
        "Run “{best}” gave the most diverse samples ({best_value:.2f}), run “{worst}” the least "
        "diverse ({worst_value:.2f}).",
    ),
    # Lab 1's control questions answered in words (the app's answers point at its tabs)
    "report.gan.a.1": (
        "GAN (генеративно-змагальна мережа, Я. Ґудфеллоу, 2014) — дві нейронні мережі, що навчаються "
        "одночасно у грі з нульовою сумою. Генератор G перетворює випадковий вектор шуму z на зображення "
        "G(z); дискримінатор D(x) ∈ [0, 1] оцінює, чи зображення справжнє (1), чи згенероване (0). "
        "D вчиться відрізняти справжні зображення від згенерованих, G — обманювати D; у рівновазі "
        "D(x) ≈ 0,5 для будь-якого зображення.",
        "A GAN (generative adversarial network, I. Goodfellow, 2014) is two neural networks trained "
        "together in a zero-sum game. The generator G turns a random noise vector z into an image G(z); the "
        "discriminator D(x) ∈ [0, 1] scores whether an image is real (1) or generated (0). D learns to "
        "tell real images from generated ones, G learns to fool D; at the equilibrium D(x) ≈ 0.5 for any "
        "image.",
    ),
    "report.gan.a.2": (
        "Вектор шуму z із нормального розподілу подається на вхід генератора як карта 1×1 з багатьма "
        "каналами. Перша транспонована згортка розгортає його в карту 4×4; кожна наступна з кроком 2 "
        "подвоює розмір карти й удвічі зменшує кількість каналів, аж до зображення потрібного розміру з "
        "1 або 3 каналами, а Tanh на виході дає значення пікселів у [−1, 1]. Різні z дають різні "
        "зображення, близькі z — схожі.",
        "A noise vector z from a normal distribution enters the generator as a 1×1 map with many "
        "channels. The first transposed convolution spreads it into a 4×4 map; each next one, with "
        "stride 2, doubles the size of the map and halves the number of channels, up to an image of the "
        "wanted size with 1 or 3 channels, and a Tanh at the output gives pixel values in [−1, 1]. "
        "Different z give different images, nearby z similar ones.",
    ),
    "report.gan.a.3": (
        "Розмір міні-батчу m, кількість ітерацій, кількість кроків дискримінатора k на ітерацію, "
        "швидкості навчання G і D та параметри Adam (β1, β2), довжина вектора шуму z, ширина (кількість "
        "каналів) обох мереж, вид втрат генератора (мінімаксні чи ненасичувальні), згладжування міток, "
        "а також розмір і кількість навчальних зображень. Невдалий вибір робить навчання нестабільним: "
        "D перемагає й градієнти G згасають, або настає колапс мод.",
        "The minibatch size m, the number of iterations, the discriminator steps k per iteration, the "
        "learning rates of G and D and Adam's β1 and β2, the length of the noise vector z, the width "
        "(number of channels) of both networks, the generator's loss (minimax or non-saturating), label "
        "smoothing, and the size and number of the training images. A poor choice makes training "
        "unstable: D wins and G's gradients vanish, or mode collapse sets in.",
    ),
    "report.gan.a.4": (
        "Як у DCGAN: транспоновані згортки (ConvTranspose2d), що збільшують розмір карт; пакетна "
        "нормалізація (BatchNorm2d) після кожної, крім останньої; активація ReLU у прихованих шарах і "
        "Tanh на виході. Повнозв’язних шарів і пулінгу немає.",
        "As in DCGAN: transposed convolutions (ConvTranspose2d) that enlarge the maps; batch "
        "normalisation (BatchNorm2d) after each but the last; ReLU in the hidden layers and Tanh at the "
        "output. There are no fully connected layers and no pooling.",
    ),
    "report.gan.a.5": (
        "Колапс мод (режиму) — стан, коли генератор видає лише кілька схожих зображень замість усього "
        "різноманіття даних: він знайшов зразки, що обманюють дискримінатор, і перестав шукати інші. "
        "Його видно з падіння різноманітності зразків і з того, що генератор малює лише частину класів "
        "даних (наприклад, лише кола замість кіл, квадратів і трикутників).",
        "Mode collapse is when the generator gives only a few similar images instead of the whole "
        "variety of the data: it has found samples that fool the discriminator and stopped looking for "
        "others. It shows as a drop in the diversity of the samples, and as a generator that draws only "
        "some classes of the data (say, only circles instead of circles, squares and triangles).",
    ),
    "report.gan.concl.no_metrics": (
        "Запуск «{title}» ще не записав жодного виміру.",
        "Run “{title}” has not recorded any measurement yet.",
    ),
    # --- Lab 2 ---------------------------------------------------------------------------------------
    "report.sd.model": ("Модель", "Model"),
    "report.sd.experiment": ("Експеримент", "Experiment"),
    "report.sd.repeats": ("Вимірів кожної клітинки (медіана)", "Timed runs per cell (median)"),
    "report.sd.mode": ("Режим", "Mode"),
    "report.sd.prompt": ("Промпт", "Prompt"),
    "report.sd.negative": ("Негативний промпт", "Negative prompt"),
    "report.sd.sampler": ("Семплер", "Sampler"),
    "report.sd.steps": ("Кроки", "Steps"),
    "report.sd.cfg": ("CFG scale", "CFG scale"),
    "report.sd.size": ("Розмір, px", "Size, px"),
    "report.sd.seed": ("Зерно (seed)", "Seed"),
    "report.sd.batch": ("Пакетів × зображень у пакеті", "Batches × images per batch"),
    "report.sd.strength": ("Сила зашумлення (denoising strength)", "Denoising strength"),
    "report.sd.kind.steps": ("вплив кількості кроків", "the effect of the number of steps"),
    "report.sd.kind.size": ("розмір зображення і час генерації", "image size and generation time"),
    "report.sd.kind.style": ("стиль промпту", "prompt style"),
    "report.sd.kind.cfg": ("вплив CFG scale", "the effect of the CFG scale"),
    "report.sd.kind.xy": ("сітка X/Y", "X/Y grid"),
    "report.sd.param.steps": ("кроки", "steps"),
    "report.sd.param.cfg": ("CFG scale", "CFG scale"),
    "report.sd.param.sampler": ("семплер", "sampler"),
    "report.sd.param.size": ("розмір", "size"),
    "report.sd.param.seed": ("зерно", "seed"),
    "report.sd.param.prompt_sr": ("заміна в промпті (Prompt S/R)", "prompt search/replace"),
    "report.sd.param.style": ("стиль", "style"),
    "report.sd.sweep_intro": (
        "Клітинок в експерименті: {cells}; вони відрізняються лише зміненим параметром, решта налаштувань — "
        "у таблиці.",
        "Cells in the experiment: {cells}; they differ only in the varied parameter, the other settings are "
        "in the table.",
    ),
    "report.sd.sweep_done": (
        "Виміряно клітинок: {cells} (пристрій: {device}).",
        "Cells measured: {cells} (device: {device}).",
    ),
    "report.sd.warmup": (
        "Перед вимірами кожен розмір зображення прогріто коротким запуском ({seconds:duration} разом); "
        "у час клітинок прогрів не входить.",
        "Before measuring, each image size was warmed up with a short run ({seconds:duration} in all); "
        "no cell's time includes it.",
    ),
    "report.sd.time": (
        "Згенеровано {count} {count:plural:зображення|зображення|зображень}, у середньому {seconds:duration} "
        "на зображення (пристрій: {device}).",
        "{count} {count:plural:image|images} generated, {seconds:duration} per image on average "
        "(device: {device}).",
    ),
    "report.sd.fig.generation": ("Результат генерації «{title}»", "The result of generation “{title}”"),
    "report.sd.fig.grid": ("Зображення експерименту «{title}»", "The images of experiment “{title}”"),
    "report.sd.fig.time": (
        "Час генерації в експерименті «{title}»",
        "Generation time in experiment “{title}”",
    ),
    "report.sd.table.times": (
        "Час генерації кожної клітинки експерименту «{title}»",
        "The generation time of each cell of experiment “{title}”",
    ),
    "report.sd.concl.generation": (
        "Генерація «{title}»: одне зображення {size} за {steps} кроків — у середньому {seconds:duration}.",
        "Generation “{title}”: one {size} image in {steps} steps took {seconds:duration} on average.",
    ),
    "report.sd.concl.steps": (
        "Експеримент «{title}»: час генерації зростав лінійно з кількістю кроків, приблизно "
        "{slope:.3f} с на крок (R² = {r2:.3f}).",
        "Experiment “{title}”: generation time grew linearly with the number of steps, about "
        "{slope:.3f} s per step (R² = {r2:.3f}).",
    ),
    "report.sd.concl.steps_poor": (
        "Експеримент «{title}»: пряма погано описує залежність часу від кількості кроків (R² = {r2:.2f}), "
        "тож сталого часу на крок ці виміри не показують.",
        "Experiment “{title}”: a straight line fits the time against the number of steps poorly "
        "(R² = {r2:.2f}), so these measurements show no steady time per step.",
    ),
    "report.sd.concl.size": (
        "Експеримент «{title}»: час генерації зростав як (кількість пікселів)^{b:.2f} (R² = {r2:.3f}), "
        "тобто {growth}.",
        "Experiment “{title}”: generation time grew as (number of pixels)^{b:.2f} (R² = {r2:.3f}), "
        "that is {growth}.",
    ),
    "report.sd.concl.growth.linear": (
        "майже пропорційно кількості пікселів",
        "about in proportion to the number of pixels",
    ),
    "report.sd.concl.growth.slower": (
        "повільніше, ніж кількість пікселів",
        "more slowly than the number of pixels",
    ),
    "report.sd.concl.growth.faster": ("швидше, ніж кількість пікселів", "faster than the number of pixels"),
    "report.sd.concl.size_poor": (
        "Експеримент «{title}»: степенева залежність погано описує час від кількості пікселів "
        "(R² = {r2:.2f}, показник {b:.2f}), тож закону зростання ці виміри не встановлюють.",
        "Experiment “{title}”: a power law fits the time against the number of pixels poorly "
        "(R² = {r2:.2f}, exponent {b:.2f}), so these measurements establish no law of growth.",
    ),
    "report.sd.concl.same": (
        "Експеримент «{title}»: час генерації майже не залежав від параметра «{param}» — від "
        "{low:duration} до {high:duration}.",
        "Experiment “{title}”: generation time hardly depended on the {param}, from {low:duration} "
        "to {high:duration}.",
    ),
    "report.sd.concl.range": (
        "Експеримент «{title}»: найшвидше — «{fastest}» ({fast:duration}), найповільніше — «{slowest}» "
        "({slow:duration}), у {ratio:.1f} раза довше.",
        "Experiment “{title}”: the fastest was “{fastest}” ({fast:duration}), the slowest “{slowest}” "
        "({slow:duration}), {ratio:.1f} times longer.",
    ),
    # --- Lab 3 ---------------------------------------------------------------------------------------
    "report.llm.models": ("Моделі", "Models"),
    "report.llm.tasks": ("Завдання", "Tasks"),
    "report.llm.levels": ("Складність", "Difficulty"),
    "report.llm.styles": ("Стилі промптів", "Prompt styles"),
    "report.llm.languages": ("Мови", "Languages"),
    "report.llm.temperatures": ("Температури", "Temperatures"),
    "report.llm.max_tokens": ("Найбільше токенів у відповіді", "Most tokens in an answer"),
    "report.llm.seed": ("Зерно (seed)", "Seed"),
    "report.llm.system": ("Системний промпт", "System prompt"),
    "report.llm.request": ("Запит {number}: {label}.", "Request {number}: {label}."),
    "report.llm.role.system": ("Система", "System"),
    "report.llm.role.user": ("Користувач", "User"),
    "report.llm.role.assistant": ("Асистент", "Assistant"),
    "report.llm.answer": ("Відповідь моделі:", "The model's answer:"),
    "report.llm.no_answer": ("Відповіді немає (стан: {status}).", "No answer (status: {status})."),
    "report.llm.cut": (
        "(відповідь скорочено; повністю — {chars} символів)",
        "(answer cut short; {chars} characters in full)",
    ),
    "report.llm.results_intro": (
        "Відповідей: {count}. Для кожної — довжина, час і перевірки.",
        "Answers: {count}. For each: its length, time and checks.",
    ),
    "report.llm.cell": ("Клітинка", "Cell"),
    "report.llm.words": ("Слів", "Words"),
    "report.llm.tokens": ("Токенів", "Tokens"),
    "report.llm.latency": ("Час, с", "Time, s"),
    "report.llm.ttft": ("До 1-го токена, с", "First token, s"),
    "report.llm.speed": ("Токенів/с", "Tokens/s"),
    "report.llm.lang_ok": ("Мова", "Language"),
    "report.llm.check": ("Перевірка", "Check"),
    "report.llm.failed": ("помилка", "error"),
    "report.llm.task": ("завдання {number}", "task {number}"),
    "report.llm.table.metrics": (
        "Показники відповідей порівняння «{title}»",
        "The measures of the answers of comparison “{title}”",
    ),
    "report.llm.fig.words": (
        "Середня довжина відповідей, слів («{title}»)",
        "Mean length of the answers, words (“{title}”)",
    ),
    "report.llm.fig.latency": (
        "Середній час відповіді, с («{title}»)",
        "Mean time to answer, s (“{title}”)",
    ),
    "report.llm.axis.style": ("стиль промпту", "prompt style"),
    "report.llm.axis.lang": ("мова", "language"),
    "report.llm.axis.model": ("модель", "model"),
    "report.llm.axis.temperature": ("температура", "temperature"),
    "report.llm.axis.level": ("складність", "difficulty"),
    "report.llm.axis.task": ("завдання", "task"),
    "report.llm.concl.words": (
        "За ознакою «{axis}» найдовші відповіді дав варіант «{high}» ({high_value} слів у середньому), "
        "найкоротші — «{low}» ({low_value}).",
        "By {axis}, “{high}” gave the longest answers ({high_value} words on average) and “{low}” "
        "the shortest ({low_value}).",
    ),
    "report.llm.concl.latency_s": (
        "За ознакою «{axis}» найшвидше модель відповідала для «{low}» ({low_value} с у середньому), "
        "найповільніше — для «{high}» ({high_value} с).",
        "By {axis}, the model answered fastest for “{low}” ({low_value} s on average) and slowest "
        "for “{high}” ({high_value} s).",
    ),
    "report.llm.concl.same.words": (
        "За ознакою «{axis}» довжина відповідей майже не різнилася (до 10 %).",
        "By {axis}, the answers were about equally long (within 10 %).",
    ),
    "report.llm.concl.same.latency_s": (
        "За ознакою «{axis}» час відповіді майже не різнився (до 10 %).",
        "By {axis}, the answers took about equally long (within 10 %).",
    ),
    "report.llm.concl.language": (
        "Мовою, якою просили, написано {right} з {count} перевірених відповідей.",
        "{right} of {count} checked answers came in the language asked for.",
    ),
    "report.llm.concl.failed": ("Відповідей з помилкою: {count}.", "Answers that failed: {count}."),
    "report.llm.concl.no_answers": (
        "Порівняння «{title}» не має жодної завершеної відповіді.",
        "Comparison “{title}” has no finished answer.",
    ),
    # --- the Report tab (ui/report.py) ------------------------------------------------------------
    # each lab's tab label, under the lab's prefix as ui/tabs.py names tabs
    "gan.tab.report": ("Звіт", "Report"),
    "sd.tab.report": ("Звіт", "Report"),
    "llm.tab.report": ("Звіт", "Report"),
    "report.variant.prompts": ("{name} (промпти про: {subject})", "{name} (prompts about: {subject})"),
    "report.ui.intro": (
        "Звіт складається з вашої збереженої роботи цієї лабораторної, за змістом звіту з методички: "
        "титульна сторінка, тема й мета, варіант і код, результати з рисунками, висновки. Позначте, що "
        "включити, заповніть титульну сторінку, відредагуйте висновки й завантажте DOCX, PDF і програми.",
        "The report is made of your saved work of this lab, following the manual's contents: title page, "
        "topic and goal, variant and code, results with figures, conclusions. Tick what goes in, fill in "
        "the title page, edit the conclusions and download the DOCX, the PDF and the programs.",
    ),
    "report.ui.step.work": ("1 · Що включити", "1 · What goes in"),
    "report.ui.step.title": ("2 · Титульна сторінка", "2 · Title page"),
    "report.ui.step.conclusions": ("3 · Висновки", "3 · Conclusions"),
    "report.ui.step.make": ("4 · Звіт", "4 · The report"),
    "report.ui.kind.run": ("Запуски навчання GAN", "GAN training runs"),
    "report.ui.kind.generation": ("Генерації", "Generations"),
    "report.ui.kind.sweep": ("Експерименти", "Experiments"),
    "report.ui.kind.comparison": ("Порівняння", "Comparisons"),
    "report.ui.none.gan": (
        "Збережених запусків ще немає: навчіть GAN на вкладці «3 · Навчання», і запуск з’явиться тут.",
        "No saved runs yet: train a GAN in the “3 · Train” tab and the run appears here.",
    ),
    "report.ui.none.diffusion": (
        "Збережених генерацій чи експериментів ще немає: створіть зображення на вкладці txt2img або "
        "проведіть експеримент на вкладці «Експерименти».",
        "No saved generations or experiments yet: make an image in the txt2img tab or run an experiment "
        "in the “Experiments” tab.",
    ),
    "report.ui.none.llm": (
        "Збережених порівнянь ще немає: запустіть порівняння на вкладці «Порівняння».",
        "No saved comparisons yet: run a comparison in the “Compare” tab.",
    ),
    "report.ui.everybody": ("Показати роботу всіх студентів", "Show everybody's work"),
    "report.ui.everybody_help": (
        "Спершу тут лише ваша робота. Увімкніть, щоб додати до звіту результати, якими поділилися інші "
        "на цьому сервері.",
        "At first only your own work is listed. Switch on to put results that others shared on this "
        "server into your report.",
    ),
    "report.ui.others": ("робота іншого студента", "another student's work"),
    "report.ui.state.new": ("не навчався", "not trained"),
    "report.ui.state.running": ("триває", "running"),
    "report.ui.state.stopped": ("зупинено", "stopped"),
    "report.ui.state.done": ("завершено", "finished"),
    "report.ui.state.failed": ("з помилкою", "failed"),
    "report.ui.state.interrupted": ("перервано", "interrupted"),
    "report.ui.state.cancelled": ("зупинено", "stopped"),
    "report.ui.name": ("Прізвище та ім’я", "Your name"),
    "report.ui.group": ("Група", "Group"),
    "report.ui.instructor": ("Викладач", "Instructor"),
    "report.ui.year": ("Рік", "Year"),
    "report.ui.institution": ("Заклад, факультет, кафедра", "University, faculty, department"),
    "report.ui.institution_help": (
        "Кожне з нового рядка; вони стануть угорі титульної сторінки.",
        "One per line; they go at the top of the title page.",
    ),
    "report.ui.blank_help": (
        "Порожнє поле залишиться у звіті рискою, щоб дописати від руки.",
        "A field left empty stays a line in the report, to fill in by hand.",
    ),
    "report.ui.language": ("Мова звіту", "Report language"),
    "report.ui.questions": (
        "Додати контрольні запитання з відповідями застосунку",
        "Add the control questions with the app's answers",
    ),
    "report.ui.conclusions": ("Висновки (їх можна редагувати)", "Conclusions (yours to edit)"),
    "report.ui.conclusions_help": (
        "Чернетку складено лише з виміряних чисел позначених робіт. Допишіть її своїми словами: у звіт "
        "піде саме цей текст, кожен рядок — окремий абзац.",
        "The draft is written from the measured numbers of the ticked work only. Put it in your own "
        "words: the report takes this text as it is, each line a paragraph.",
    ),
    "report.ui.redraft": ("Скласти чернетку заново", "Draft again from the numbers"),
    "report.ui.kept_edits": (
        "Вибір змінився, а ваш відредагований текст збережено. Щоб замінити його новою чернеткою, "
        "натисніть «Скласти чернетку заново».",
        "The choice has changed and your edited text is kept. To replace it with a new draft, press "
        "“Draft again from the numbers”.",
    ),
    "report.ui.make": ("Створити звіт", "Make the report"),
    "report.ui.pick_first": (
        "Позначте вище хоча б одну роботу, щоб створити звіт.",
        "Tick at least one piece of work above to make the report.",
    ),
    "report.ui.phase.reading": (
        "Читаю збережену роботу: {done} з {total}",
        "Reading the saved work: {done} of {total}",
    ),
    "report.ui.phase.writing": (
        "Складаю звіт: {done} з {total} частин",
        "Writing the report: {done} of {total} parts",
    ),
    "report.ui.outdated": (
        "Після створення звіту вибір чи поля змінилися: натисніть «Створити звіт» ще раз, щоб їх врахувати.",
        "The choices or fields have changed since this report was made: press “Make the report” again "
        "to include them.",
    ),
    "report.ui.missing": (
        "Вилучено до створення звіту, тому не включено: {titles}.",
        "Deleted before the report was made, so left out: {titles}.",
    ),
    "report.ui.docx": ("DOCX (Word)", "DOCX (Word)"),
    "report.ui.pdf": ("PDF", "PDF"),
    "report.ui.scripts_zip": ("Усі програми (ZIP)", "All programs (ZIP)"),
    "report.ui.scripts": (
        "Програми, що відтворюють кожну роботу ({count})",
        "The programs that repeat each piece of work ({count})",
    ),
    "report.ui.scripts_help": (
        "Кожна програма — окремий файл на чистому PyTorch, diffusers чи клієнті openai, без GenLab: "
        "запустіть її командою python або вставте в комірку блокнота.",
        "Each program is a file of its own in plain PyTorch, diffusers or the openai client, without "
        "GenLab: run it with python, or paste it into a notebook cell.",
    ),
    "report.ui.script_download": ("Завантажити {file}", "Download {file}"),
    "report.ui.preview": ("Попередній перегляд", "Preview"),
    "report.ui.page": ("Сторінка PDF", "PDF page"),
    "report.ui.page_of": ("Сторінка {page} з {pages}", "Page {page} of {pages}"),
    "report.ui.contents": ("Зміст", "Contents"),
}
