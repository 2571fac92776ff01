"""The all-MiniLM-L6-v2 sentence encoder as an ONNX graph, built from the shipped weights.

Why build it by hand instead of tracing the torch model: the graph then depends only on
``model.safetensors`` and this file, not on how a given torch/transformers release traces
BERT, so the same weights always give the same bytes (the cache key is the weights' hash
plus ``GRAPH_VERSION``), and building it needs neither torch nor a network.

The graph is the BERT encoder followed by the sentence-transformers head of this model
(``modules.json``: Transformer -> mean Pooling -> Normalize):

    input_ids, attention_mask  [batch, seq] int64
    -> word + position + token-type-0 embeddings, LayerNorm
    -> 6 x (self-attention, add & LayerNorm, GELU feed-forward, add & LayerNorm)
    -> mean over the tokens the attention mask keeps, L2-normalised
    -> embeddings [batch, 384] float32

Self-attention and add & LayerNorm use ONNX Runtime's fused CPU kernels (``com.microsoft``
``Attention`` and ``SkipLayerNormalization``); ONNX Runtime fuses the GELU itself.
"""

from __future__ import annotations

import json
from pathlib import Path

# Bump when the graph this module builds changes: it is part of the cache key.
GRAPH_VERSION = 1
OPSET = 17


def read_config(model_dir: Path) -> dict:
    """The few numbers the graph needs, read from the model folder's own config files."""
    bert = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    st = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    if kinds != ["Transformer", "Pooling", "Normalize"] or not pooling.get("pooling_mode_mean_tokens"):
        raise ValueError(f"unsupported sentence-transformers head {kinds} {pooling}")
    if bert.get("model_type") != "bert" or bert.get("hidden_act") != "gelu":
        raise ValueError("not a BERT encoder with exact GELU")
    return {
        "hidden": bert["hidden_size"],
        "heads": bert["num_attention_heads"],
        "layers": bert["num_hidden_layers"],
        "eps": float(bert["layer_norm_eps"]),
        "max_seq_length": int(st["max_seq_length"]),
    }


def build_graph(model_dir: str | Path) -> bytes:
    """Serialized ONNX model for the sentence encoder in ``model_dir`` (deterministic bytes)."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    model_dir = Path(model_dir)
    cfg = read_config(model_dir)
    w = load_file(str(model_dir / "model.safetensors"))
    hidden, heads, eps = cfg["hidden"], cfg["heads"], cfg["eps"]
    nodes: list = []
    initializers: list = []

    def const(name: str, value) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, inputs: list[str], domain: str = "", **attrs) -> str:
        out = f"t{len(nodes)}_{kind}"
        nodes.append(helper.make_node(kind, inputs, [out], name=f"n{len(nodes)}", domain=domain, **attrs))
        return out

    def weight_t(name: str) -> np.ndarray:
        # torch Linear stores [out, in]; MatMul wants [in, out].
        return w[f"{name}.weight"].T.astype(np.float32)

    f32 = np.float32
    i64 = np.int64
    # Token type is always 0 for single sentences: fold its embedding into the position table.
    positions = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    const("word_embeddings", w["embeddings.word_embeddings.weight"].astype(f32))
    const("position_embeddings", positions.astype(f32))
    const("zero", np.array([0], i64))
    const("one", np.array([1], i64))
    const("two", np.array([2], i64))

    seq_len = op("Slice", [op("Shape", ["input_ids"]), "one", "two"])
    x = op(
        "Add",
        [op("Gather", ["word_embeddings", "input_ids"]), op("Slice", ["position_embeddings", "zero", seq_len])],
    )
    x = op(
        "LayerNormalization",
        [
            x,
            const("emb_ln_g", w["embeddings.LayerNorm.weight"]),
            const("emb_ln_b", w["embeddings.LayerNorm.bias"]),
        ],
        epsilon=eps,
        axis=-1,
    )
    mask_i32 = op("Cast", ["attention_mask"], to=TensorProto.INT32)
    for layer in range(cfg["layers"]):
        p = f"encoder.layer.{layer}."
        att = p + "attention."
        qkv_w = np.concatenate([weight_t(att + f"self.{k}") for k in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[att + f"self.{k}.bias"] for k in ("query", "key", "value")])
        context = op(
            "Attention",
            [x, const(f"l{layer}_qkv_w", qkv_w), const(f"l{layer}_qkv_b", qkv_b.astype(f32)), mask_i32],
            domain="com.microsoft",
            num_heads=heads,
        )
        projected = op("MatMul", [context, const(f"l{layer}_ao_w", weight_t(att + "output.dense"))])
        x = op(
            "SkipLayerNormalization",
            [
                projected,
                x,
                const(f"l{layer}_ao_ln_g", w[att + "output.LayerNorm.weight"]),
                const(f"l{layer}_ao_ln_b", w[att + "output.LayerNorm.bias"]),
                const(f"l{layer}_ao_b", w[att + "output.dense.bias"]),
            ],
            domain="com.microsoft",
            epsilon=eps,
        )
        inner = op(
            "Add",
            [
                op("MatMul", [x, const(f"l{layer}_i_w", weight_t(p + "intermediate.dense"))]),
                const(f"l{layer}_i_b", w[p + "intermediate.dense.bias"]),
            ],
        )
        # Exact GELU, as BERT's "gelu": 0.5 * x * (1 + erf(x / sqrt(2))).
        erf = op("Erf", [op("Div", [inner, const(f"l{layer}_sqrt2", np.array(np.sqrt(2.0), f32))])])
        gelu = op(
            "Mul",
            [
                op("Mul", [inner, const(f"l{layer}_half", np.array(0.5, f32))]),
                op("Add", [erf, const(f"l{layer}_unit", np.array(1.0, f32))]),
            ],
        )
        out = op("MatMul", [gelu, const(f"l{layer}_o_w", weight_t(p + "output.dense"))])
        x = op(
            "SkipLayerNormalization",
            [
                out,
                x,
                const(f"l{layer}_o_ln_g", w[p + "output.LayerNorm.weight"]),
                const(f"l{layer}_o_ln_b", w[p + "output.LayerNorm.bias"]),
                const(f"l{layer}_o_b", w[p + "output.dense.bias"]),
            ],
            domain="com.microsoft",
            epsilon=eps,
        )
    # Mean pooling over the real tokens, then unit length (sentence-transformers' Normalize).
    mask = op("Unsqueeze", [op("Cast", ["attention_mask"], to=TensorProto.FLOAT), "two"])
    summed = op("ReduceSum", [op("Mul", [x, mask]), "one"], keepdims=0)
    counts = op("Max", [op("ReduceSum", [mask, "one"], keepdims=0), const("min_count", np.array(1e-9, f32))])
    mean = op("Div", [summed, counts])
    norm = op("Max", [op("ReduceL2", [mean], axes=[-1], keepdims=1), const("min_norm", np.array(1e-12, f32))])
    nodes.append(helper.make_node("Div", [mean, norm], ["embeddings"], name=f"n{len(nodes)}"))

    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
        ],
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", hidden])],
        initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
        producer_name="mtaudit",
        producer_version=str(GRAPH_VERSION),
    )
    model.ir_version = 8  # ONNX Runtime >= 1.10 reads it; pinned so the bytes do not move with onnx releases
    return model.SerializeToString(deterministic=True)
