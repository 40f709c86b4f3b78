using System.Collections.Immutable;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Leaky ReLU: f(x) = x &gt; 0 ? x : s·x, f'(x) = x &gt; 0 ? 1 : s, with s = NegativeSlope (so f(±0) = s·(±0)).</summary>
internal sealed class LeakyRelu : Activation
{
    private static readonly Parameter NegativeSlope = Parameter.Double(
        "NegativeSlope", 0.01, "The slope for x ≤ 0", AcceptedRange.AnyFinite("one product, rounded once"));

    public static readonly LeakyRelu Instance = new();

    public override string Name => "LeakyRelu";

    public override string Summary =>
        """
        the leaky rectified linear unit: f(x) = x for x &gt; 0, NegativeSlope·x otherwise;
        with <see cref="Derivative"/>, f'(x) = 1 for x &gt; 0, else NegativeSlope (so f'(0) = NegativeSlope).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(NegativeSlope);

    public override string? FromOutputCondition => "NegativeSlope > 0";

    public override string? FromOutputProblem(ActivationSpec spec) => spec[NegativeSlope] > 0 ? null
        : $"is not supported by [{Name}] with NegativeSlope = {Parameter.Format(spec[NegativeSlope])} (the output does not tell the sign of x)";

    public override string Describe(ActivationSpec spec)
    {
        var s = Literals.Readable(spec[NegativeSlope]);
        return $"Leaky ReLU with NegativeSlope = {s}: f(x) = x for x &gt; 0, {s}·x otherwise; f'(x) = 1 for x &gt; 0, else {s}.";
    }

    /// <summary>
    /// One product, rounded once: no widening, unless NegativeSlope is no normal float (rounded to float it would lose
    /// its digits or become ∞, while s·x can still be a normal float); double lanes round s·x once and then to float.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        IsSingleNormal(spec[NegativeSlope]) ? element : ElementType.Double;

    /// <summary>x ≤ 0 ? s·x : x, so NaN gives x itself.</summary>
    public override bool ForwardKeepsNaN(ActivationSpec spec) => true;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec[NegativeSlope] == 0)
        {
            // s·x is a zero with the sign of x (times the sign of s) on the whole left half; x is kept finite so that
            // -∞ gives that zero too, not ∞·0 = NaN.
            var big = compute == ElementType.Double ? double.MaxValue : float.MaxValue;
            writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThanOrEqual(x, {{VD}}.Zero), {{V}}.Max(x, {Constant(-big, compute)}) * {Constant(spec[NegativeSlope], compute)}, x);");
            return;
        }

        // s rounded to float and the product rounded once: at most 1 ULP (a float pair for s would turn -∞ into NaN).
        writer.Line("var y = {V}.ConditionalSelect({V}.LessThanOrEqual(x, {VD}.Zero), x * " + Constant(spec[NegativeSlope], compute) + ", x);");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("x", "{VD}.One", Constant(spec[NegativeSlope], compute)) + ";");

    /// <summary>With s &gt; 0 (the parser's rule), y has the sign of x.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("y", "{VD}.One", Constant(spec[NegativeSlope], compute)) + ";");
}
