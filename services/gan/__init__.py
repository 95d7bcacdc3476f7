"""Lab 1, a DCGAN trained by the manual's Algorithm 1.

config.py     GanConfig and what follows from it (depth, snapshot intervals), the Model tab's
              defaults for each variant
model.py      the generator and the discriminator, their layer tables, sampling, interpolation
losses.py     the discriminator's loss and the generator's two: minimax and non-saturating
trainer.py    Algorithm 1, plain: (1) update D k times, (2) update G
speedups.py   channels-last, fused Adam, bfloat16 and CUDA graph replay, put on a trainer from outside
runs.py       training runs on disk as background jobs: start, stop, resume, extend, delete
speed.py      how fast the trainer runs on this machine, so how long a planned run will take
collapse.py   where mode collapse is measured and decided
data/         the training images: built-in, Kaggle, zip and folder, decoded and cached
"""
