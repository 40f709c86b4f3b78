using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Softsign: f(x) = x / (1 + |x|) (±1 at ±∞, where the quotient would be ∞/∞), f'(x) = 1 / (1 + |x|·(2 + |x|)); each
/// at most about 2 ULP in its own type, so no widening.
/// </summary>
internal sealed class Softsign : Activation
{
    public static readonly Softsign Instance = new();

    public override string Name => "Softsign";

    public override string Summary =>
        """
        softsign: f(x) = x / (1 + |x|); with <see cref="Derivative"/>, f'(x) = 1 / (1 + |x|)².
        """;

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec) =>
        "Softsign: f(x) = x / (1 + |x|); f'(x) = 1 / (1 + |x|)².";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var quotient = x / ({VD}.One + {V}.Abs(x));");
        writer.Line("var y = {V}.ConditionalSelect({V}.Equals({V}.Abs(x), " + Constant(double.PositiveInfinity, compute) + "), {V}.CopySign({VD}.One, x), quotient);");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        // (1 + |x|)² as 1 + |x|·(2 + |x|) in one FMA: the rounding of 1 + |x| is not squared (about 2 ULP instead of 3.5).
        // Where the product overflows, f' is below the smallest normal and 1/∞ = 0 is within the contract.
        writer.Line("var magnitude = {V}.Abs(x);");
        writer.Line("var dy = {VD}.One / {V}.FusedMultiplyAdd(magnitude, " + Constant(2, compute) + " + magnitude, {VD}.One);");
    }

    /// <summary>f' = (1 - |y|)², with 1 - |y| exact for |y| ≥ ½.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var complement = {VD}.One - {V}.Abs(y);");
        writer.Line("var dy = complement * complement;");
    }
}
