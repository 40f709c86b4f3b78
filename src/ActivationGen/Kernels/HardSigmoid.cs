using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Hard sigmoid: f(x) = max(0, min(1, (x + 3)/6)) (x + 3 is exact near -3, so f keeps its digits next to 0);
/// f'(x) = 1/6 for -3 &lt; x &lt; 3, else 0.
/// </summary>
internal sealed class HardSigmoid : Activation
{
    public static readonly HardSigmoid Instance = new();

    public override string Name => "HardSigmoid";

    public override string Summary =>
        """
        the hard sigmoid: f(x) = max(0, min(1, x/6 + ½));
        with <see cref="Derivative"/>, f'(x) = 1/6 for -3 &lt; x &lt; 3, else 0.
        """;

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec) =>
        "Hard sigmoid: f(x) = max(0, min(1, x/6 + 1/2)); f'(x) = 1/6 for -3 &lt; x &lt; 3, else 0.";

    /// <summary>At most 1.5 ULP in any type: no widening.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {V}.Min({V}.Max((x + " + Constant(3, compute) + ") * " + Constant(1.0 / 6, compute) + ", {VD}.Zero), {VD}.One); // IEEE min/max: max(+0, -0) = +0");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSlope(writer, "x", Constant(-3, compute), Constant(3, compute), compute);

    /// <summary>0 &lt; y &lt; 1 exactly when -3 &lt; x &lt; 3 (up to the rounding of y next to 1).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSlope(writer, "y", "{VD}.Zero", "{VD}.One", compute);

    private static void WriteSlope(CodeWriter writer, string v, string low, string high, ElementType compute)
    {
        var inside = $"{{V}}.BitwiseAnd({{V}}.GreaterThan({v}, {low}), {{V}}.LessThan({v}, {high}))";
        writer.Line($"var dy = {{V}}.ConditionalSelect({inside}, {Constant(1.0 / 6, compute)}, {{VD}}.Zero);");
    }
}
