using System;
using System.Collections.Generic;

namespace ActivationGen.Accuracy;

/// <summary>leaky_relu(x) = x for x &gt; 0, s·x otherwise; f' = 1 or s. One double rounding at most.</summary>
internal sealed class LeakyReluReference(double slope) : Reference
{
    public override string Name => "LeakyRelu";

    public override string Parameters => "NegativeSlope=" + Format(slope);

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? double.PositiveInfinity : slope == 0 ? 0 : slope > 0 ? double.NegativeInfinity : double.PositiveInfinity;
        d = positive ? 1 : slope;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        f = x > 0 ? x : slope * x;
        d = x > 0 ? 1 : slope;
    }
}

/// <summary>hardsigmoid(x) = clamp((x + 3)/6, 0, 1) (x + 3 exact in double for a float x); f' = 1/6 inside (-3, 3).</summary>
internal sealed class HardSigmoidReference : Reference
{
    public override string Name => "HardSigmoid";

    public override string Parameters => string.Empty;

    public override IEnumerable<double> Breakpoints => [-3.0, 3.0];

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? 1 : 0;
        d = 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        f = Math.Clamp((x + 3) / 6, 0, 1);
        d = x > -3 && x < 3 ? 1.0 / 6 : 0;
    }
}

/// <summary>hardswish(x) = x·clamp((x + 3)/6, 0, 1); f' = 0, (2x + 3)/6 or 1 (2x + 3 exact in double for a float x).</summary>
internal sealed class HardSwishReference : Reference
{
    public override string Name => "HardSwish";

    public override string Parameters => string.Empty;

    public override IEnumerable<double> Breakpoints => [-3.0, -1.5, 0.0, 3.0];

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? double.PositiveInfinity : 0;
        d = positive ? 1 : 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        f = x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
        d = x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6;
    }
}

/// <summary>hardtanh(x) = clamp(x, Min, Max); f' = 1 strictly inside. Exact (the comparisons are exact in double).</summary>
internal sealed class HardTanhReference(double min, double max) : Reference
{
    public override string Name => "HardTanh";

    public override string Parameters => "Min=" + Format(min) + ", Max=" + Format(max);

    public override IEnumerable<double> Breakpoints => [min, max];

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? max : min;
        d = 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        f = Math.Clamp(x, min, max);
        d = x > min && x < max ? 1 : 0;
    }
}

/// <summary>softsign(x) = x/(1 + |x|), f' = 1/(1 + |x|)²: two or three double roundings.</summary>
internal sealed class SoftsignReference : Reference
{
    public override string Name => "Softsign";

    public override string Parameters => string.Empty;

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? 1 : -1;
        d = 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        var denominator = 1 + Math.Abs(x);
        f = x / denominator;
        d = 1 / (denominator * denominator);
    }
}
