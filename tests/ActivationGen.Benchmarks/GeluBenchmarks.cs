using System;
using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace ActivationGen.Benchmarks;

/// <summary>
/// Exact GELU, f(x) = x·Φ(x), f'(x) = Φ(x) + x·φ(x). TensorPrimitives has no erf: the baseline builds Φ from its
/// primitives with the classic rational approximation of erfc (Abramowitz &amp; Stegun 7.1.26, absolute error 1.5e-7),
/// Φ(-|x|) = q = ½·P(t)·e^(-x²/2), t = 1/(1 + p·|x|/√2), and Φ(x) = ½ + copysign(½ - q, x) — 17 passes, no
/// cancellation in the left tail (the form a careful user writes; ½(1 + erf(x/√2)) would lose the tail). The scalar
/// loop is the same formula element by element (.NET has no Math.Erf).
/// </summary>
public abstract class GeluBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Abramowitz & Stegun 7.1.26, its coefficients halved (q = ½·erfc) and p divided by √2 (t from |x|, not |x|/√2).
    private const double P = 0.3275911 / 1.4142135623730951;
    private const double A1 = 0.254829592 / 2;
    private const double A2 = -0.284496736 / 2;
    private const double A3 = 1.421413741 / 2;
    private const double A4 = -1.453152027 / 2;
    private const double A5 = 1.061405429 / 2;
    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>The approximation's absolute error of 1.5e-7 in Φ is x·1.5e-7 in GELU (5.4e-8·|x|·e^(-x²/2) in GELU').</summary>
    public override (double Relative, double Absolute)? BaselineTolerance => (1e-4, 1e-6);

    private static readonly T Half = T.CreateChecked(0.5);
    private static readonly T MinusHalf = T.CreateChecked(-0.5);

    protected override void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination)
    {
        var e = Scratch2.AsSpan(0, x.Length);
        Phi(x, Scratch.AsSpan(0, x.Length), e, destination);
        TP.Multiply(destination, x, destination);
    }

    protected override void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        var phi = Scratch.AsSpan(0, x.Length);
        var e = Scratch2.AsSpan(0, x.Length);
        Phi(x, destination, e, phi);
        Slope(x, phi, e, destination);
    }

    protected override void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        TensorPrimitivesDerivative(x, gradInput);
        TP.Multiply(gradInput, gradOutput, gradInput);
    }

    protected override void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        var phi = Scratch.AsSpan(0, x.Length);
        var e = Scratch2.AsSpan(0, x.Length);
        Phi(x, derivative, e, phi);
        TP.Multiply(phi, x, destination);
        Slope(x, phi, e, derivative);
    }

    protected override void ScalarLoopF(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] * Phi(x[i], out _);
        }
    }

    protected override void ScalarLoopDerivative(ReadOnlySpan<T> x, Span<T> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var phi = Phi(x[i], out var e);
            destination[i] = phi + x[i] * e * T.CreateTruncating(InverseSqrtTwoPi);
        }
    }

    protected override void ScalarLoopBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var phi = Phi(x[i], out var e);
            gradInput[i] = gradOutput[i] * (phi + x[i] * e * T.CreateTruncating(InverseSqrtTwoPi));
        }
    }

    protected override void ScalarLoopFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var phi = Phi(x[i], out var e);
            destination[i] = x[i] * phi;
            derivative[i] = phi + x[i] * e * T.CreateTruncating(InverseSqrtTwoPi);
        }
    }

    // phi = Φ(x), e = e^(-x²/2); t is scratch.
    private static void Phi(ReadOnlySpan<T> x, Span<T> t, Span<T> e, Span<T> phi)
    {
        TP.Abs(x, t);
        TP.Multiply(t, T.CreateTruncating(P), t);
        TP.Add(t, T.One, t);
        TP.Reciprocal(t, t);
        TP.Multiply(t, T.CreateTruncating(A5), phi);
        TP.Add(phi, T.CreateTruncating(A4), phi);
        TP.MultiplyAdd(phi, t, T.CreateTruncating(A3), phi);
        TP.MultiplyAdd(phi, t, T.CreateTruncating(A2), phi);
        TP.MultiplyAdd(phi, t, T.CreateTruncating(A1), phi);
        TP.Multiply(phi, t, phi);
        TP.Multiply(x, x, e);
        TP.Multiply(e, MinusHalf, e);
        TP.Exp(e, e);
        TP.Multiply(phi, e, phi);                 // q = Φ(-|x|)
        TP.Subtract(Half, phi, phi);              // ½ - q
        TP.CopySign(phi, x, phi);
        TP.Add(phi, Half, phi);
    }

    // destination = Φ + x·e/√(2π).
    private static void Slope(ReadOnlySpan<T> x, ReadOnlySpan<T> phi, ReadOnlySpan<T> e, Span<T> destination)
    {
        TP.Multiply(x, e, destination);
        TP.MultiplyAdd(destination, T.CreateTruncating(InverseSqrtTwoPi), phi, destination);
    }

    private static T Phi(T x, out T e)
    {
        var t = T.One / (T.One + T.CreateTruncating(P) * T.Abs(x));
        var poly = t * (T.CreateTruncating(A1) + t * (T.CreateTruncating(A2) + t * (T.CreateTruncating(A3) + t * (T.CreateTruncating(A4) + t * T.CreateTruncating(A5)))));
        e = T.Exp(MinusHalf * x * x);
        var q = poly * e;
        return x >= T.Zero ? T.One - q : q;
    }
}

public class GeluFloat() : GeluBenchmarks<float>
{
    public override string Attribute => "Gelu";

    public override float ReferenceF(float x) => Kernels.GeluScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.GeluDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.GeluFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.GeluDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.GeluBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.GeluFusedFloat(x, destination, derivative);
}

public class GeluDouble() : GeluBenchmarks<double>
{
    public override string Attribute => "Gelu";

    public override double ReferenceF(double x) => Kernels.GeluScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.GeluDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.GeluDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.GeluDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.GeluBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.GeluFusedDouble(x, destination, derivative);
}
