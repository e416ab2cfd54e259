#!/usr/bin/env bash
# Regenerates the test recordings with espeak-ng and sox (apt-get install -y espeak-ng sox).
# Output: 16 kHz mono 16-bit WAV unless a file is about formats. Run from anywhere:
#   speech-service/src/test/resources/audio/generate.sh
# sox runs with -R (repeatable dither), so regenerating gives byte-identical files.
# drills/manifest.tsv lists every drill recording: file, term, expected (GOOD = said right, BAD = said wrong), voice, speed, text.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# say OUT VOICE SPEED TEXT: speak, pad with 0.3 s of silence, convert to 16 kHz mono
say() {
  espeak-ng -v "$2" -s "$3" -w "$tmp/raw.wav" "$4"
  sox -q -R "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$1" pad 0.3 0.3
}

rm -rf answers formats drills
mkdir -p answers formats drills

# --- spoken answers (question ids as in the tests) ---
say answers/serving-rollout.wav en-us+m3 140 "I would start with a canary release that sends five percent of traffic to the new model, watch latency and error rate, and roll back to the previous version if they get worse."
say answers/feature-store.wav en-us+f3 150 "A feature store keeps one definition of every feature, so training and serving read the same values. The offline store holds history for training, and the online store answers within milliseconds at inference time."
say answers/checkpointing.wav en-gb-x-rp 160 "Um, we save a checkpoint every five hundred steps, uh, asynchronously, so the GPUs keep training while the files are written, and you know, a failed node only costs a few minutes."
say answers/cost.wav en-us 170 "We cut the training bill by about thirty percent with spot instances, mixed precision and better GPU utilisation."
# two sentences with a 1.5 s pause between them: the fluency figures must see it
say "$tmp/drift-a.wav" en-us+f3 140 "To detect model degradation I would monitor data drift on the inputs."
say "$tmp/drift-b.wav" en-us+f3 140 "When accuracy drops below a threshold, a pipeline retrains the model."
sox -q -R -n -r 16000 -c 1 -b 16 "$tmp/gap.wav" trim 0 1.5
sox -q -R "$tmp/drift-a.wav" "$tmp/gap.wav" "$tmp/drift-b.wav" answers/drift.wav

# --- silence and noise ---
sox -q -R -n -r 16000 -c 1 -b 16 silence.wav trim 0 2
sox -q -R -n -r 16000 -c 1 -b 16 noise.wav synth 2 whitenoise vol 0.3

# --- the same short answer in other formats, for downmixing and resampling ---
say "$tmp/short.wav" en-us 150 "I would use a canary release and roll back if the error rate goes up."
sox -q -R "$tmp/short.wav" -r 16000 -c 1 -b 16 formats/mono-16k.wav
sox -q -R "$tmp/short.wav" -r 44100 -c 2 -b 16 formats/stereo-44k.wav
sox -q -R "$tmp/short.wav" -r 8000 -c 1 -b 16 formats/mono-8k.wav
sox -q -R "$tmp/short.wav" -r 22050 -c 2 -b 16 formats/stereo-22k.wav
sox -q -R "$tmp/short.wav" -r 16000 -c 1 -b 8 formats/pcm-8bit.wav trim 0 0.5
sox -q -R "$tmp/short.wav" -r 16000 -c 1 -e floating-point -b 32 formats/float-32bit.wav trim 0 0.5

# --- pronunciation drills: each term said right by three voices/speeds, said wrong twice ---
# term|slug|good saying|wrong saying 1 (letters, or a word-like misreading of a spelled acronym)|wrong saying 2 (another term of the field)
terms='NCCL|nccl|nickel|N. C. C. L.|kooda
CUDA|cuda|kooda|C. U. D. A.|nickel
ONNX|onnx|onyx|O. N. N. X.|pie torch
JAX|jax|jacks|J. A. X.|luster
K8s|k8s|kates|K. eight S.|triton
Kubernetes|kubernetes|cube er net ease|cube flow|terraform
Lustre|lustre|luster|L. U. S. T. R. E.|prometheus
GPU|gpu|G. P. U.|gee poo|kooda
SLO|slo|S. L. O.|slow|G. P. U.
RBAC|rbac|are back|R. B. A. C.|terraform
MLOps|mlops|M. L. ops|mellops|dev ops
NVLink|nvlink|N. V. link|nav link|infinity band
PyTorch|pytorch|pie torch|pitch|python
DeepSpeed|deepspeed|deep speed|megatron|pie torch'
good_voices=("en-us 150" "en-us+f3 120" "en-gb-x-rp 175")
bad_voices=("en-us 150" "en-gb-x-rp 130")
printf 'file\tterm\texpected\tvoice\tspeed\ttext\n' > drills/manifest.tsv
while IFS='|' read -r term slug good bad1 bad2; do
  mkdir -p "drills/$slug"
  i=0
  for vs in "${good_voices[@]}"; do
    i=$((i + 1)); set -- $vs
    say "drills/$slug/good-$i.wav" "$1" "$2" "$good"
    printf '%s\t%s\tGOOD\t%s\t%s\t%s\n' "$slug/good-$i.wav" "$term" "$1" "$2" "$good" >> drills/manifest.tsv
  done
  i=0
  for text in "$bad1" "$bad2"; do
    set -- ${bad_voices[$i]}
    i=$((i + 1))
    say "drills/$slug/bad-$i.wav" "$1" "$2" "$text"
    printf '%s\t%s\tBAD\t%s\t%s\t%s\n' "$slug/bad-$i.wav" "$term" "$1" "$2" "$text" >> drills/manifest.tsv
  done
done <<< "$terms"
echo "generated $(find . -name '*.wav' | wc -l) recordings, $(du -sh . | cut -f1)"
