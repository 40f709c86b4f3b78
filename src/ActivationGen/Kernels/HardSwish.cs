using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Hard swish: f(x) = x·max(0, min(1, x/6 + ½)), computed as -0 (x·(+0) for x &lt; 0), x·(x + 3)/6 or x on the three
/// pieces (so f(-∞) = -0, not ∞·0); f'(x) = 0 for x &lt; -3, (2x + 3)/6 for -3 ≤ x ≤ 3, 1 for x &gt; 3 (2x + 3 is exact near the zero at -1.5).
/// </summary>
internal sealed class HardSwish : Activation
{
    public static readonly HardSwish Instance = new();

    public override string Name => "HardSwish";

    public override string Summary =>
        """
        the hard swish: f(x) = x·max(0, min(1, x/6 + ½));
        with <see cref="Derivative"/>, f'(x) = 0 for x &lt; -3, x/3 + ½ for -3 ≤ x ≤ 3, 1 for x &gt; 3.
        """;

    public override string Describe(ActivationSpec spec) =>
        "Hard swish: f(x) = x·max(0, min(1, x/6 + 1/2)); f'(x) = 0 for x &lt; -3, x/3 + 1/2 for -3 ≤ x ≤ 3, 1 for x &gt; 3.";

    /// <summary>At most 2 ULP in any type: no widening.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var three = Constant(3, compute);
        var middle = $"x * ((x + {three}) * {Constant(1.0 / 6, compute)})";
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThanOrEqual(x, {Constant(-3, compute)}), {Constant(-0.0, compute)}, {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual(x, {three}), x, {middle}));");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var three = Constant(3, compute);
        var middle = $"{{V}}.FusedMultiplyAdd(x, {Constant(2, compute)}, {three}) * {Constant(1.0 / 6, compute)}";
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.LessThan(x, {Constant(-3, compute)}), {{VD}}.Zero, {{V}}.ConditionalSelect({{V}}.GreaterThan(x, {three}), {{VD}}.One, {middle}));");
    }
}
