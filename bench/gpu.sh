#!/usr/bin/env bash
# The benchmark on a GPU machine: newsprint with ocr.engine = "onnxruntime-gpu"
# (the same ONNX models on ONNX Runtime's CUDA execution provider), then on the
# CPU for comparison; prints pages per second for each.
#
#   bash bench/gpu.sh [--pages FILE...] [--rounds N]     (default: sample_scans/)
#
# Needs an NVIDIA driver and network access for the first run: it sets up
# .venv (scripts/setup.sh) and swaps the CPU onnxruntime for onnxruntime-gpu of
# the same version with its CUDA 12 and cuDNN 9 wheels (NVIDIA's pip packages).
# The swap stays: `pip install --force-reinstall onnxruntime==<version>` undoes it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || bash scripts/setup.sh
PY=.venv/bin/python
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv

has_cuda() {
    "$PY" -c "import onnxruntime as o, sys; sys.exit('CUDAExecutionProvider' not in o.get_available_providers())"
}
if ! has_cuda; then
    version=$("$PY" -c "import onnxruntime; print(onnxruntime.__version__)")
    "$PY" -m pip uninstall -q -y onnxruntime
    "$PY" -m pip install -q "onnxruntime-gpu[cuda,cudnn]==$version" \
        || "$PY" -m pip install -q "onnxruntime-gpu[cuda,cudnn]"
fi
has_cuda || { echo "gpu.sh: onnxruntime-gpu has no CUDAExecutionProvider here" >&2; exit 2; }

echo "== onnxruntime-gpu"
NEWSPRINT_OCR__ENGINE=onnxruntime-gpu "$PY" -m bench.throughput "$@"
echo "== onnxruntime (CPU), same pages"
NEWSPRINT_OCR__ENGINE=onnxruntime "$PY" -m bench.throughput "$@"
