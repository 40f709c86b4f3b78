using System.Collections.Immutable;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Sigmoid with an offset: z = x - Offset kept exact as a double-double, t = e^-|z|, then f = (z ≥ 0 ? 1 : t) / (1 + t)
/// and f' = t / (1 + t)² = σ(z)·σ(-z), with no overflow and no cancellation anywhere.
/// </summary>
internal sealed class Sigmoid : Activation
{
    private static readonly Parameter Offset = Parameter.Double(
        "Offset", 0, "The x at which the sigmoid is 1/2", AcceptedRange.AnyFinite("x - Offset is kept exact as a pair of doubles"));

    public static readonly Sigmoid Instance = new();

    public override string Name => "Sigmoid";

    public override string Summary =>
        """
        the logistic sigmoid with an offset:
        f(x) = 1 / (1 + e^-(x - Offset)); with <see cref="Derivative"/>, f'(x) = f(x)·(1 - f(x)), computed as σ(z)·σ(-z) without cancellation.
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Offset);

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec)
    {
        var z = spec[Offset] == 0 ? "x"
            : spec[Offset] > 0 ? "(x - " + Literals.Readable(spec[Offset]) + ")"
            : "(x + " + Literals.Readable(-spec[Offset]) + ")";
        return $"Sigmoid with Offset = {Literals.Readable(spec[Offset])}: f(x) = 1 / (1 + e^-{z}); "
            + $"f'(x) = f(x)·(1 - f(x)), computed as e^-|z| / (1 + e^-|z|)² with z = {z}.";
    }

    /// <summary>Float lanes stay float when the offset is exactly a float (then x - Offset is exact as a float pair).</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        element == ElementType.Single && IsSingleExact(spec[Offset]) ? ElementType.Single : ElementType.Double;

    /// <summary>f' = y·(1 - y) for y = σ(x - Offset), whatever the Offset (1 - y is exact for y ≥ 1/2).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = y * ({VD}.One - y);");

    // Comparisons are written where their result is used: a mask kept alive across the exponential makes the JIT's
    // AVX-512 code several times slower.
    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (spec[Offset] == 0)
        {
            writer.Line("var z = x;");
            writer.Line("var t = {M}.ExpNonPositive(-{V}.Abs(z), 0); // e^-|x|, in [0, 1]");
        }
        else
        {
            writer.Line("var z = {M}.Subtract(x, " + Literals.Of(spec[Offset], compute) + ", " + Literals.Of(0, compute) + ", out var zLow); // z + zLow = x - Offset exactly");
            writer.Line("var t = " + ExpOfMinusAbs("z", "zLow", "0", "ExpNonPositive") + "; // e^-|x - Offset|, in [0, 1]");
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = " + SigmoidFromExp("z", "t") + ";");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {M}.DivideByOnePlusSquared(t);");
}
