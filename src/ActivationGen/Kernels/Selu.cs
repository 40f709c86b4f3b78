using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// SELU: f(x) = λ·x for x &gt; 0, λα·expm1(x) otherwise; f'(x) = λ for x &gt; 0, λα·e^x otherwise. λ and λα are not
/// exactly doubles (nor floats): they are applied as pairs hi + lo, so each product is rounded once. ±0 takes the first
/// branch, λ·(±0) = ±0 (the helpers' expm1 gives +0 at -0).
/// </summary>
internal sealed class Selu : Activation
{
    public static readonly Selu Instance = new();

    public override string Name => "Selu";

    public override string Summary =>
        """
        the scaled exponential linear unit: f(x) = λ·x for x &gt; 0, λ·α·(e^x - 1) otherwise, with
        α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946; with <see cref="Derivative"/>,
        f'(x) = λ for x &gt; 0, λ·α·e^x otherwise.
        """;

    public override string? FromOutputCondition => string.Empty;

    // λ = 1.0507009873554804934193349852946 and λα = λ·1.6732632423543772848170429916717, as double-doubles.
    private const double LambdaHi = 1.0507009873554805;
    private const double LambdaLo = 3.9874847667154144E-17;
    private const double LambdaAlphaHi = 1.7580993408473768;
    private const double LambdaAlphaLo = 1.41535193800845E-17;

    public override string Describe(ActivationSpec spec) =>
        "SELU: f(x) = λ·x for x &gt; 0, λ·α·(e^x - 1) for x ≤ 0 (expm1, accurate near 0), with "
        + "α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946; "
        + "f'(x) = λ for x &gt; 0, λ·α·e^x for x ≤ 0.";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    // As in ELU, each comparison is written where it is used (a mask kept alive across the exponential is slow).
    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (parts.HasFlag(Parts.Value))
        {
            writer.Line("var expm1 = {M}.ExpM1NonPositive(x);");
            writer.Line("var negative = " + Times("expm1", LambdaAlpha(compute), compute) + ";");
        }

        if (parts.HasFlag(Parts.Slope))
        {
            writer.Line("var exp = {M}.Exp(x, 0);");
            writer.Line("var slope = " + Times("exp", LambdaAlpha(compute), compute) + ";");
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), " + Times("x", Lambda(compute), compute) + ", negative);");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), " + Constant(LambdaHi, compute) + ", slope);");

    /// <summary>f' = λ for y &gt; 0, else y + λα (y = λα(e^x - 1)), the sum rounded once.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var lambdaAlpha = LambdaAlpha(compute);
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThan(y, {{VD}}.Zero), {Constant(LambdaHi, compute)}, (y + {Constant(lambdaAlpha.Hi, compute)}) + {Constant(lambdaAlpha.Lo, compute)});");
    }

    private static (double Hi, double Lo) Lambda(ElementType compute) => Split(LambdaHi, LambdaLo, compute);

    private static (double Hi, double Lo) LambdaAlpha(ElementType compute) => Split(LambdaAlphaHi, LambdaAlphaLo, compute);
}
