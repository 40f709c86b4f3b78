using System.Collections.Generic;
using System.Collections.Immutable;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// CELU: with u = x/Alpha kept exact as a pair u + uLow, f(x) = x for x &gt; 0, Alpha·expm1(u) otherwise, and f'(x) = 1
/// for x &gt; 0, e^u otherwise. Alpha &gt; 0 gives u ≤ 0 (expm1 of a non-positive argument, the ELU shape); Alpha &lt; 0
/// gives u ≥ 0, where f and f' grow without bound as x → -∞ and overflow to ∓∞.
/// </summary>
internal sealed class Celu : Activation
{
    private static readonly Parameter Alpha = Parameter.Double(
        "Alpha", 1, "The scale of the negative part", AcceptedRange.AtLeast(
            2.2250738585072014E-308, zeroAccepted: false, "x/Alpha is kept exact as a pair through 1/Alpha, which must be finite"));

    public static readonly Celu Instance = new();

    public override string Name => "Celu";

    public override string Summary =>
        """
        the continuously differentiable exponential linear unit: f(x) = max(0, x) + min(0, Alpha·(e^(x/Alpha) - 1));
        with <see cref="Derivative"/>, f'(x) = 1 for x &gt; 0, else e^(x/Alpha).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Alpha);

    public override string? FromOutputCondition => "Alpha ≥ 0";

    public override string? FromOutputProblem(ActivationSpec spec) => spec[Alpha] >= 0 ? null
        : $"is not supported by [{Name}] with Alpha = {Parameter.Format(spec[Alpha])} (the output does not tell the sign of x)";

    /// <summary>Alpha = 0 gets its own message: the range would only say it is too small.</summary>
    public override IEnumerable<ParameterProblem> Check(ActivationSpec spec)
    {
        if (spec[Alpha] == 0)
        {
            yield return new(DiagnosticDescriptors.ParameterOutOfRange, new[] { "Alpha" }, new object?[] { "Alpha", "0", "Celu divides x by Alpha, give it a nonzero value" });
        }
    }

    public override string Describe(ActivationSpec spec)
    {
        var alpha = Literals.Readable(spec[Alpha]);
        var u = spec[Alpha] == 1 ? "x" : "x/" + (spec[Alpha] < 0 ? "(" + alpha + ")" : alpha);
        var times = spec[Alpha] == 1 ? string.Empty : (spec[Alpha] < 0 ? "(" + alpha + ")" : alpha) + "·";
        return $"CELU with Alpha = {alpha}: f(x) = x for x &gt; 0, {times}(e^{u} - 1) for x ≤ 0 (expm1, accurate near 0); "
            + $"f'(x) = 1 for x &gt; 0, e^{u} for x ≤ 0.";
    }

    /// <summary>Float lanes unless Alpha or 1/Alpha is no normal float (x/Alpha is kept as a pair through 1/Alpha); then double lanes.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        IsSingleNormal(spec[Alpha]) && IsSingleNormal(1 / spec[Alpha]) ? element : ElementType.Double;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        WriteQuotient(writer, spec, compute);
        if (parts.HasFlag(Parts.Value))
        {
            WriteNegativePart(writer, spec, compute);
        }

        if (parts.HasFlag(Parts.Slope))
        {
            WriteNegativeSlope(writer, spec, compute);
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.LessThan(x, " + Identity(spec, compute) + "), negative, x + {VD}.Zero); // +0 at -0");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");

    /// <summary>Alpha &gt; 0: f' = 1 for y &gt; 0, else (y + Alpha)/Alpha = e^(x/Alpha), the sum without cancellation error.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var alpha = Split(spec[Alpha], 0, compute);
        var sum = alpha.Lo == 0
            ? $"(y + {Constant(alpha.Hi, compute)})"
            : $"((y + {Constant(alpha.Hi, compute)}) + {Constant(alpha.Lo, compute)})";
        var slope = spec[Alpha] == 1 ? sum : sum + " / " + Constant(alpha.Hi, compute);
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThan(y, {{VD}}.Zero), {{VD}}.One, {slope});");
    }

    /// <summary>
    /// Where f(x) = x: x ≥ 0 (±0 gives +0, as max(0, ±0) + min(0, Alpha·expm1(±0/Alpha)) = +0 + (±0) does: x + 0 turns
    /// -0 into +0 and leaves every other x as it is), and for
    /// |Alpha| &gt; 1 also the x &lt; 0 so small that Alpha·expm1(x/Alpha) = x·(1 + x/(2·Alpha)
    /// + …) is x to a quarter ULP; there x/Alpha may be subnormal and would lose the precision f has.
    /// </summary>
    private static string Identity(ActivationSpec spec, ElementType compute) =>
        System.Math.Abs(spec[Alpha]) > 1
            ? Constant(-System.Math.Abs(spec[Alpha]) * System.Math.Pow(2, compute == ElementType.Double ? -55 : -26), compute)
            : "{VD}.Zero";

    /// <summary>Whether u = x/Alpha is exact as a single product (Alpha a power of two, 1/Alpha exact in the compute type).</summary>
    private static bool IsExactQuotient(ActivationSpec spec, ElementType compute)
    {
        var reciprocal = Reciprocal(spec[Alpha]);
        return reciprocal.Lo == 0 && Split(reciprocal.Hi, 0, compute).Lo == 0 && Split(spec[Alpha], 0, compute).Lo == 0;
    }

    private static void WriteQuotient(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        if (spec[Alpha] == 1)
        {
            writer.Line("var u = x;");
        }
        else if (IsExactQuotient(spec, compute))
        {
            writer.Line($"var u = x * {Constant(1 / spec[Alpha], compute)}; // x/Alpha, exact");
        }
        else
        {
            var alpha = Split(spec[Alpha], 0, compute);
            var reciprocal = Split(Reciprocal(spec[Alpha]).Hi, 0, compute).Hi;
            writer.Line($"var u = {{M}}.Divide(x, {Literals.Of(alpha.Hi, compute)}, {Literals.Of(alpha.Lo, compute)}, {Literals.Of(reciprocal, compute)}, out var uLow); // u + uLow = x/Alpha");
        }
    }

    private static bool HasLow(ActivationSpec spec, ElementType compute) => spec[Alpha] != 1 && !IsExactQuotient(spec, compute);

    private static void WriteNegativePart(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var alpha = Split(spec[Alpha], 0, compute);
        if (spec[Alpha] > 0)
        {
            writer.Line("var expm1 = {M}.ExpM1NonPositive(u" + (HasLow(spec, compute) ? ", uLow); // expm1(u + uLow)" : ");"));
        }
        else
        {
            writer.Line("var expm1 = {M}.ExpM1NonNegative(u, " + (HasLow(spec, compute) ? "uLow" : "{VD}.Zero") + "); // u ≥ 0 where used");
        }

        writer.Line("var negative = " + Times("expm1", alpha, compute) + ";");
        if (spec[Alpha] < 0 && spec[Alpha] > -1)
        {
            WriteLargeNegativePart(writer, spec, compute);
        }
    }

    /// <summary>
    /// -1 &lt; Alpha &lt; 0: Alpha·(e^u - 1) stays finite where e^u overflows. For u ≥ 60 (float lanes: 30), where e^u - 1 is
    /// e^u to far below an ULP, it is (Alpha·2^s)·(e^u·2^-s) with 2^s ≈ 2^79/|Alpha| (float lanes: 2^38/|Alpha|): e^u·2^-s
    /// stays below Exp's limit up to where the product overflows, and is normal from u = 60 (30) on.
    /// </summary>
    private static void WriteLargeNegativePart(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var shift = (compute == ElementType.Double ? 79 : 38) - BinaryExponent(spec[Alpha]);
        var large = Split(ScaleByPowerOfTwo(spec[Alpha], shift), 0, compute);
        var low = HasLow(spec, compute) ? "uLow, " : string.Empty;
        writer.Line($"var exponential = {{M}}.Exp(u, {low}-{shift}); // e^u·2^-{shift}");
        writer.Line($"negative = {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual(u, {Constant(compute == ElementType.Double ? 60 : 30, compute)}), {Times("exponential", large, compute)}, negative);");
    }

    private static void WriteNegativeSlope(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var low = HasLow(spec, compute) ? "uLow, " : string.Empty;
        if (spec[Alpha] > 0)
        {
            writer.Line("var slope = {M}.Exp(u, " + low + "0);");
        }
        else
        {
            // e^u up to the overflow threshold and beyond: Exp stops at 2^955 (float: 2^100), so scale it down first.
            var shift = compute == ElementType.Double ? 100 : 40;
            writer.Line($"var slope = {{M}}.Exp(u, {low}-{shift}) * {Constant(System.Math.Pow(2, shift), compute)};");
        }
    }
}
