using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Hard tanh: f(x) = max(Min, min(Max, x)), f'(x) = 1 for Min &lt; x &lt; Max, else 0. In float lanes
/// the derivative compares with the nearest floats strictly inside (Min, Max), so a bound that is not a float is still
/// compared exactly; the bounds themselves are rounded to the nearest float.
/// </summary>
internal sealed class HardTanh : Activation
{
    private static readonly Parameter Min = Parameter.Double(
        "Min", -1, "The lower bound, less than Max", AcceptedRange.AnyFinite("the bounds are compared exactly, also where they are no float"));

    private static readonly Parameter Max = Parameter.Double(
        "Max", 1, "The upper bound, greater than Min", AcceptedRange.AnyFinite("the bounds are compared exactly, also where they are no float"));

    public static readonly HardTanh Instance = new();

    public override string Name => "HardTanh";

    public override string Summary =>
        """
        the hard tanh: f(x) = max(Min, min(Max, x)) (ReLU6 is Min = 0, Max = 6);
        with <see cref="Derivative"/>, f'(x) = 1 for Min &lt; x &lt; Max, else 0.
        """;

    public override string Accuracy => "Exact.";

    public override string Rules => "Min &lt; Max.";

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Min, Max);

    public override string? FromOutputCondition => string.Empty;

    /// <summary>Min &lt; Max (NaN and infinities are reported before, as non-finite).</summary>
    public override IEnumerable<ParameterProblem> Check(ActivationSpec spec)
    {
        if (spec[Min] >= spec[Max] && IsFinite(spec[Min]) && IsFinite(spec[Max]))
        {
            yield return new(DiagnosticDescriptors.MinNotLessThanMax, new[] { "Min", "Max" }, new object?[] { Parameter.Format(spec[Min]), Parameter.Format(spec[Max]) });
        }
    }

    public override string Describe(ActivationSpec spec)
    {
        string min = Literals.Readable(spec[Min]), max = Literals.Readable(spec[Max]);
        return $"Hard tanh with Min = {min}, Max = {max}: f(x) = max({min}, min({max}, x)); f'(x) = 1 for {min} &lt; x &lt; {max}, else 0.";
    }

    /// <summary>Exact in any type: no widening.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line($"var y = {{V}}.Max({{V}}.Min(x, {Constant(spec[Max], compute)}), {Constant(spec[Min], compute)}); // IEEE min/max: the sign of a zero x is kept, max(+0, -0) = +0");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        // Min < x ⟺ x ≥ the least float above Min (likewise for Max), also where Min is not a float.
        var (low, high) = compute == ElementType.Single
            ? (Constant(FirstSingleAbove(spec[Min]), compute), Constant(-FirstSingleAbove(-spec[Max]), compute))
            : (Constant(spec[Min], compute), Constant(spec[Max], compute));
        var inside = compute == ElementType.Single
            ? $"{{V}}.BitwiseAnd({{V}}.GreaterThanOrEqual(x, {low}), {{V}}.LessThanOrEqual(x, {high}))"
            : $"{{V}}.BitwiseAnd({{V}}.GreaterThan(x, {low}), {{V}}.LessThan(x, {high}))";
        WriteSlope(writer, inside);
    }

    /// <summary>
    /// y lies strictly between the bounds as the forward method writes them (rounded to T) exactly when x lies
    /// strictly between Min and Max, up to the rounding of the bounds.
    /// </summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSlope(writer, $"{{V}}.BitwiseAnd({{V}}.GreaterThan(y, {Constant(spec[Min], compute)}), {{V}}.LessThan(y, {Constant(spec[Max], compute)}))");

    private static void WriteSlope(CodeWriter writer, string inside) =>
        writer.Line($"var dy = {{V}}.ConditionalSelect({inside}, {{VD}}.One, {{VD}}.Zero);");

    /// <summary>The least float strictly greater than <paramref name="value"/> (a finite double within the float range or not).</summary>
    private static double FirstSingleAbove(double value)
    {
        var nearest = (float)value;
        if (nearest > value)
        {
            return nearest;
        }

        if (float.IsPositiveInfinity(nearest) || nearest == float.MaxValue)
        {
            return float.PositiveInfinity;
        }

        var bits = BitConverter.ToInt32(BitConverter.GetBytes(nearest), 0);
        bits = nearest == 0 ? 1 : nearest > 0 ? bits + 1 : bits - 1;
        return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
    }
}
