"""Strings of the gan part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {
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
}
