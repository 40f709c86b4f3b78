using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Tanh: f(x) = x + x³·P(x²) near 0 (tiny x gives x, -0 gives -0), else ±(1 - 2t/(1 + t)) with t = e^-2|x|;
/// f'(x) = 4t / (1 + t)² (no cancellation near ±∞). Both in the element type; one exponential serves both in the
/// fused shape. From the output: f' = 1 - y², rounded once with a fused multiply-add.
/// </summary>
internal sealed class Tanh : Activation
{
    public static readonly Tanh Instance = new();

    public override string Name => "Tanh";

    public override string Summary =>
        """
        the hyperbolic tangent, f(x) = tanh(x), accurate near 0 (tanh(0) = 0);
        with <see cref="Derivative"/>, f'(x) = 1 - tanh²(x), computed without cancellation near ±∞.
        """;

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec) =>
        "Tanh: f(x) = tanh(x), accurate near 0; f'(x) = 1 - tanh²(x), computed as 4e^-2|x| / (1 + e^-2|x|)².";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts) =>
        writer.Line("var t4 = {M}.ExpNonPositive({V}.Abs(x) * " + Constant(-2, compute) + ", 2); // 4e^-2|x| (the argument is ≤ 0: one clamp)");

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {M}.Tanh(x, t4);");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {M}.SechSquared(t4);");

    /// <summary>f' = 1 - y², exact before its one rounding (no cancellation problem: the product is not rounded).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {V}.FusedMultiplyAdd(-y, y, {VD}.One);");
}
