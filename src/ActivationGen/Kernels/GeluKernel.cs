using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// GELU, computed in double. Exact form: f(x) = x·Φ(x) with the lower tail Φ(-|x|) = e^(-x²/2)·M(|x|) (x² split
/// exactly, M a fit of the Mills ratio), Φ(x) = 1 - Φ(-x) for x ≥ 0, so the left tail keeps its digits;
/// f'(x) = Φ(x) + x·φ(x), with φ(x) = e^(-x²/2)/√(2π) from the same exponential. Tanh form: ½x(1 + tanh(v/2)) =
/// x·σ(v), v = 2√(2/π)(x + 0.044715x³) kept as a double pair, σ from e^-|v| without cancellation;
/// f'(x) = σ(v) + x·σ(v)σ(-v)·v'(x). Both derivatives vanish near x = -0.75, where a fitted d·Q(d), d = x - x0, takes over.
/// </summary>
internal sealed class GeluKernel : Kernel
{
    public static readonly GeluKernel Instance = new();

    /// <summary>Beyond |x| = 40 (exact form) or 1000 (tanh form) the tails are far below 1e-300: |x| is clamped there.</summary>
    private const double ExactLimit = 40;

    private const double TanhLimit = 1000;

    private const double InverseSqrtTwoPi = 0.3989422804014327;

    public override string Describe(ActivationSpec spec) => spec.Approximate == GeluApproximation.Tanh
        ? "GELU, tanh approximation: f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))); f'(x) is its exact derivative."
        : "GELU: f(x) = x·Φ(x) = ½x(1 + erf(x/√2)); f'(x) = Φ(x) + x·φ(x).";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec.Approximate == GeluApproximation.Tanh)
        {
            WriteTanhSigmoid(writer, compute);
            WriteTanhValue(writer);
        }
        else
        {
            WriteExactTail(writer, compute);
            WriteExactValue(writer);
        }
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec.Approximate == GeluApproximation.Tanh)
        {
            WriteTanhSigmoid(writer, compute);
            WriteTanhSlope(writer, compute);
        }
        else
        {
            WriteExactTail(writer, compute);
            WriteExactSlope(writer, compute);
        }
    }

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec.Approximate == GeluApproximation.Tanh)
        {
            WriteTanhSigmoid(writer, compute);
            WriteTanhValue(writer);
            WriteTanhSlope(writer, compute);
        }
        else
        {
            WriteExactTail(writer, compute);
            WriteExactValue(writer);
            WriteExactSlope(writer, compute);
        }
    }

    private static void WriteExactTail(CodeWriter writer, ElementType compute)
    {
        writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(ExactLimit, compute) + ");");
        writer.Line("var ratio = {M}.NormalTailRatio(a, out var e); // Φ(-a) = e·ratio, e = e^(-a²/2)");
        writer.Line("var tail = e * ratio;");
    }

    private static void WriteExactValue(CodeWriter writer) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x * ({VD}.One - tail), -a * tail);");

    private static void WriteExactSlope(CodeWriter writer, ElementType compute)
    {
        writer.Line("var scaled = a * " + Constant(InverseSqrtTwoPi, compute) + "; // a·φ(a) = scaled·e");
        writer.Line("var dy = {M}.GeluDerivativeNearZero(x, {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {V}.FusedMultiplyAdd(scaled, e, {VD}.One - tail), e * (ratio - scaled)));");
    }

    private static void WriteTanhSigmoid(CodeWriter writer, ElementType compute)
    {
        writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(TanhLimit, compute) + ");");
        writer.Line("var v = {M}.GeluTanhArgument(a, out var vLow); // |v| as a double pair");
        writer.Line("var t = {M}.Exp(-v, -vLow, 0); // e^-|v|");
        writer.Line("var sigmoid = {M}.DivideByOnePlus({V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {VD}.One, t), t); // σ(v)");
    }

    private static void WriteTanhValue(CodeWriter writer) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x, -a) * sigmoid;");

    private static void WriteTanhSlope(CodeWriter writer, ElementType compute)
    {
        writer.Line("var slope = {V}.FusedMultiplyAdd(" + Constant(3 * 0.07135481627260025, compute) + ", a * a, " + Constant(1.5957691216057308, compute) + "); // v'(x)");
        writer.Line("var signedA = {V}.CopySign(a, x);");
        writer.Line("var dy = {M}.GeluTanhDerivativeNearZero(x, {V}.FusedMultiplyAdd(signedA * slope, {M}.DivideByOnePlusSquared(t), sigmoid));");
    }
}
