using System;
using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace ActivationGen.Benchmarks;

// How a .NET user writes each activation, its derivative, the backward pass and the fused pass with
// System.Numerics.Tensors.TensorPrimitives: one call per primitive, each a full pass over the data. TensorPrimitives has
// Sigmoid but no ReLU, ELU, softplus or derivatives, so those are compositions of its primitives. Each composition
// computes the activation over the whole domain (not only over the benchmark's [-10, 10]); --verify checks it.

/// <summary>σ(x - offset): TensorPrimitives.Sigmoid, after a Subtract when the offset is not 0.</summary>
public abstract class SigmoidBenchmarks<T>(double offset) : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _offset = T.CreateChecked(offset);

    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination) => Sigmoid(x, destination);

    // σ' = σ·(1 - σ).
    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        Sigmoid(x, destination);
        var t = Scratch.AsSpan(0, x.Length);
        TP.Subtract(T.One, destination, t);
        TP.Multiply(destination, t, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        Sigmoid(x, destination);
        TP.Subtract(T.One, destination, derivative);
        TP.Multiply(destination, derivative, derivative);
    }

    private void Sigmoid(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (_offset == T.Zero)
        {
            TP.Sigmoid(x, destination);
        }
        else
        {
            TP.Subtract(x, _offset, destination);
            TP.Sigmoid(destination, destination);
        }
    }
}

/// <summary>
/// Scale · Σ σ(x - o_i): per block of <see cref="Block"/> elements (so that the partial sums stay in L1), for each
/// offset Subtract, Sigmoid and Add — the straightforward TensorPrimitives way, Count sigmoids per element.
/// </summary>
public abstract class SigmoidSumBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per block: 3 blocks of doubles fit in a 32 KiB L1.</summary>
    public const int Block = 1024;

    private readonly T _scale;

    protected SigmoidSumBenchmarks(int count, double from, double to, double scale)
    {
        Count = count;
        From = from;
        To = to;
        Scale = scale;
        Offsets = new T[count];
        for (var i = 0; i < count; i++)
        {
            // As the generator defines them: o_i = From + i·(To - From)/(Count - 1), o_0 = From when Count = 1.
            Offsets[i] = T.CreateChecked(count == 1 ? from : from + i * ((to - from) / (count - 1)));
        }

        _scale = T.CreateChecked(scale);
    }

    public int Count { get; }

    public double From { get; }

    public double To { get; }

    public double Scale { get; }

    /// <summary>The offsets o_i in T, also used by the scalar loops.</summary>
    public T[] Offsets { get; }

    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var start = 0; start < x.Length; start += Block)
        {
            var length = Math.Min(Block, x.Length - start);
            var xb = x.Slice(start, length);
            var db = destination.Slice(start, length);
            var t = Scratch.AsSpan(0, length);
            db.Clear();
            foreach (var offset in Offsets)
            {
                TP.Subtract(xb, offset, t);
                TP.Sigmoid(t, t);
                TP.Add(db, t, db);
            }

            if (_scale != T.One)
            {
                TP.Multiply(db, _scale, db);
            }
        }
    }

    // Σ σ_i·(1 - σ_i).
    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var start = 0; start < x.Length; start += Block)
        {
            var length = Math.Min(Block, x.Length - start);
            var xb = x.Slice(start, length);
            var db = destination.Slice(start, length);
            var t = Scratch.AsSpan(0, length);
            var u = Scratch2.AsSpan(0, length);
            db.Clear();
            foreach (var offset in Offsets)
            {
                TP.Subtract(xb, offset, t);
                TP.Sigmoid(t, t);
                TP.Subtract(T.One, t, u);
                TP.MultiplyAdd(t, u, db, db);
            }

            if (_scale != T.One)
            {
                TP.Multiply(db, _scale, db);
            }
        }
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        for (var start = 0; start < x.Length; start += Block)
        {
            var length = Math.Min(Block, x.Length - start);
            var xb = x.Slice(start, length);
            var db = destination.Slice(start, length);
            var eb = derivative.Slice(start, length);
            var t = Scratch.AsSpan(0, length);
            var u = Scratch2.AsSpan(0, length);
            db.Clear();
            eb.Clear();
            foreach (var offset in Offsets)
            {
                TP.Subtract(xb, offset, t);
                TP.Sigmoid(t, t);
                TP.Add(db, t, db);
                TP.Subtract(T.One, t, u);
                TP.MultiplyAdd(t, u, eb, eb);
            }

            if (_scale != T.One)
            {
                TP.Multiply(db, _scale, db);
                TP.Multiply(eb, _scale, eb);
            }
        }
    }
}

/// <summary>softplus(x) = max(x, 0) + log1p(e^-|x|); softplus' = σ.</summary>
public abstract class SoftplusBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T MinusTwo = T.CreateChecked(-2);

    // Two stable compositions were measured (in process, 15 iterations, both types, N = 4,096 and 1,048,576):
    //   A: Abs, Negate, Exp, LogP1, Max(x, 0), Add                     — 6 passes;
    //   B: m = Max(x, 0), MultiplyAdd(m, -2, x) = -|x|, Exp, LogP1, Add — 5 passes.
    // B was faster for float (0.97 vs 1.55 ns/element at 4,096, 3.7 vs 4.3 at 1M) and within noise of A for double;
    // B is kept. Exp then LogP1 (2 passes) is faster still at 1M, but overflows to +∞ for x above ~88.7 in float and
    // ~709.8 in double: it is not softplus over the whole domain, so it is not the baseline.
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        var t = Scratch.AsSpan(0, x.Length);
        TP.Max(x, T.Zero, destination);
        TP.MultiplyAdd(destination, MinusTwo, x, t);
        TP.Exp(t, t);
        TP.LogP1(t, t);
        TP.Add(destination, t, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination) => TP.Sigmoid(x, destination);

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TP.Sigmoid(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        TensorPrimitivesF(x, destination);
        TP.Sigmoid(x, derivative);
    }
}

/// <summary>relu(x) = Max(x, 0); relu'(x) = Ceiling(Clamp(x, 0, 1)), 1 for x &gt; 0 and 0 otherwise.</summary>
public abstract class ReluBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination) => TP.Max(x, T.Zero, destination);

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Clamp(x, T.Zero, T.One, destination);
        TP.Ceiling(destination, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        TP.Max(x, T.Zero, destination);
        TensorPrimitivesDerivative(x, derivative);
    }
}

/// <summary>elu(x) = max(x, 0) + α·expm1(min(x, 0)); elu'(x) = e^min(x, 0)·(x &gt; 0 ? 1 : α).</summary>
public abstract class EluBenchmarks<T>(double alpha) : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _alpha = T.CreateChecked(alpha);

    // Two compositions were measured (in process, 15 iterations, both types, N = 4,096 and 1,048,576):
    //   A: Min(x, 0), ExpM1, Multiply by α, Max(x, 0), Add — 5 passes;
    //   B: Min(x, 0), ExpM1, Max(x, 0), MultiplyAdd(t, α, max) — 4 passes.
    // B was faster in every case (float: 0.97 vs 1.01 ns/element at 4,096, 1.8 vs 2.3 at 1M) and is kept.
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        var t = Scratch.AsSpan(0, x.Length);
        TP.Min(x, T.Zero, t);
        TP.ExpM1(t, t);
        TP.Max(x, T.Zero, destination);
        TP.MultiplyAdd(t, _alpha, destination, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Min(x, T.Zero, destination);
        TP.Exp(destination, destination);
        ScaleNegativePart(x, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    // One exponential for both: e = e^min(x, 0), f = α·e + (max(x, 0) - α), f' = e·(x > 0 ? 1 : α).
    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var t = Scratch.AsSpan(0, x.Length);
        TP.Min(x, T.Zero, derivative);
        TP.Exp(derivative, derivative);
        TP.Max(x, T.Zero, t);
        TP.Subtract(t, _alpha, t);
        TP.MultiplyAdd(derivative, _alpha, t, destination);
        ScaleNegativePart(x, derivative);
    }

    // d = e^min(x, 0) becomes x > 0 ? 1 : α·e^x, as α·d + (1 - α)·c with c = Ceiling(Clamp(x, 0, 1)), 1 for x > 0 and
    // 0 otherwise; nothing to do when α = 1.
    private void ScaleNegativePart(ReadOnlySpan<T> x, Span<T> d)
    {
        if (_alpha == T.One)
        {
            return;
        }

        var c = Scratch2.AsSpan(0, x.Length);
        TP.Clamp(x, T.Zero, T.One, c);
        TP.Ceiling(c, c);
        TP.Multiply(c, T.One - _alpha, c);
        TP.MultiplyAdd(d, _alpha, c, d);
    }
}

/// <summary>tanh(x) = TensorPrimitives.Tanh; tanh'(x) = 1 - tanh²(x) from it (Multiply, Subtract).</summary>
public abstract class TanhBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination) => TP.Tanh(x, destination);

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Tanh(x, destination);
        TP.Multiply(destination, destination, destination);
        TP.Subtract(T.One, destination, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        TP.Tanh(x, destination);
        TP.Multiply(destination, destination, derivative);
        TP.Subtract(T.One, derivative, derivative);
    }
}

/// <summary>
/// mish(x) = x·tanh(ln(1 + e^x)): Exp, LogP1, Tanh, Multiply (e^x overflowing to +∞ still gives tanh = 1, so this is
/// mish over the whole finite domain); mish'(x) = th + x·(1 - th²)·σ(x) with Sigmoid and four more passes.
/// </summary>
public abstract class MishBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        TanhSoftplus(x, destination);
        TP.Multiply(destination, x, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        var th = Scratch.AsSpan(0, x.Length);
        TanhSoftplus(x, th);
        Slope(x, th, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var th = Scratch.AsSpan(0, x.Length);
        TanhSoftplus(x, th);
        TP.Multiply(th, x, destination);
        Slope(x, th, derivative);
    }

    private static void TanhSoftplus(ReadOnlySpan<T> x, Span<T> destination)
    {
        TP.Exp(x, destination);
        TP.LogP1(destination, destination);
        TP.Tanh(destination, destination);
    }

    // destination = th + x·(1 - th²)·σ(x).
    private void Slope(ReadOnlySpan<T> x, ReadOnlySpan<T> th, Span<T> destination)
    {
        var sigma = Scratch2.AsSpan(0, x.Length);
        TP.Sigmoid(x, sigma);
        TP.Multiply(th, th, destination);
        TP.Subtract(T.One, destination, destination);
        TP.Multiply(destination, sigma, destination);
        TP.Multiply(destination, x, destination);
        TP.Add(destination, th, destination);
    }
}

/// <summary>
/// GELU in PyTorch's tanh form through ½(1 + tanh(u)) = σ(2u), u = c(x + 0.044715x³), c = √(2/π): x², then
/// 2c + 2c·0.044715·x² (Multiply, Add), times x, Sigmoid, times x; the derivative s + x·s(1 - s)·(2c + 6c·0.044715x²)
/// reuses s = σ(2u). (Written with Tanh, ½(1 + th) loses every digit in float where th ≈ -1, for x below about -4:
/// that composition fails --verify.)
/// </summary>
public abstract class GeluTanhBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double C = 0.7978845608028654;
    private static readonly T TwoC = T.CreateChecked(2 * C);
    private static readonly T TwoCK = T.CreateChecked(2 * C * 0.044715);
    private static readonly T SixCK = T.CreateChecked(6 * C * 0.044715);

    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        var square = Scratch2.AsSpan(0, x.Length);
        Sigmoid(x, square, destination);
        TP.Multiply(destination, x, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        var s = Scratch.AsSpan(0, x.Length);
        var square = Scratch2.AsSpan(0, x.Length);
        Sigmoid(x, square, s);
        Slope(x, square, s, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var s = Scratch.AsSpan(0, x.Length);
        var square = Scratch2.AsSpan(0, x.Length);
        Sigmoid(x, square, s);
        TP.Multiply(s, x, destination);
        Slope(x, square, s, derivative);
    }

    // square = x², s = σ(2c·x + 2c·0.044715·x³).
    private static void Sigmoid(ReadOnlySpan<T> x, Span<T> square, Span<T> s)
    {
        TP.Multiply(x, x, square);
        TP.Multiply(square, TwoCK, s);
        TP.Add(s, TwoC, s);
        TP.Multiply(s, x, s);
        TP.Sigmoid(s, s);
    }

    // destination = s + x·s(1 - s)·(2c + 6c·0.044715·x²); square is overwritten.
    private static void Slope(ReadOnlySpan<T> x, Span<T> square, ReadOnlySpan<T> s, Span<T> destination)
    {
        TP.Multiply(square, SixCK, square);
        TP.Add(square, TwoC, square);
        TP.Subtract(T.One, s, destination);
        TP.Multiply(destination, s, destination);
        TP.Multiply(destination, square, destination);
        TP.Multiply(destination, x, destination);
        TP.Add(destination, s, destination);
    }
}
