using System;
using System.Collections.Generic;

namespace ActivationGen.Accuracy;

/// <summary>SELU: λ·x for x &gt; 0, λα·(e^x - 1) otherwise; f' = λ, λα·e^x.</summary>
internal sealed class SeluReference : Reference
{
    // λ = 1.0507009873554804934…, λα = 1.7580993408473768599… rounded to double (0.5 double ULP each).
    private const double Lambda = 1.0507009873554805;
    private const double LambdaAlpha = 1.7580993408473768;

    public override string Name => "Selu";

    public override string Parameters => string.Empty;

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? double.PositiveInfinity : -LambdaAlpha;
        d = positive ? Lambda : 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        if (x > 0)
        {
            f = Lambda * x;
            d = Lambda;
            return;
        }

        f = LambdaAlpha * ExpM1NonPositive(x);
        d = LambdaAlpha * Math.Exp(x);
    }
}

/// <summary>CELU: x for x &gt; 0, Alpha·(e^(x/Alpha) - 1) otherwise; f' = 1, e^(x/Alpha). Alpha may be negative.</summary>
internal sealed class CeluReference(double alpha) : Reference
{
    public override string Name => "Celu";

    public override string Parameters => "Alpha=" + Format(alpha);

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? double.PositiveInfinity : alpha > 0 ? -alpha : double.NegativeInfinity;
        d = positive ? 1 : alpha > 0 ? 0 : double.PositiveInfinity;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        if (x > 0)
        {
            f = x;
            d = 1;
            return;
        }

        // u = x/Alpha rounded to double: a relative 2^-53 change of u moves e^u by a relative |u|·2^-53, under 1e-14
        // for the |u| ≤ 104 where a float result is not 0 or ∞, and expm1(u) by no more.
        var u = x / alpha;
        f = alpha * (u <= 0 ? ExpM1NonPositive(u) : ExpM1NonNegative(u));
        d = Math.Exp(u);
    }

    /// <summary>e^u - 1 for u ≥ 0: Kahan's (e^u - 1)·u/ln(e^u) up to ln 2 (as in ExpM1NonPositive), e^u - 1 beyond (≥ 1, no cancellation).</summary>
    internal static double ExpM1NonNegative(double u)
    {
        if (u < 1e-5)
        {
            return u * (1.0 + u * (0.5 + u * (1.0 / 6.0)));
        }

        var e = Math.Exp(u);
        return u <= 0.6931471805599453 ? (e - 1.0) * u / Math.Log(e) : e - 1.0;
    }
}

/// <summary>SiLU / swish: x·σ(Beta·x); f' = σ(z) + z·σ(z)σ(-z), z = Beta·x.</summary>
internal sealed class SiluReference(double beta) : Reference
{
    public override string Name => "Silu";

    public override string Parameters => "Beta=" + Format(beta);

    /// <summary>0 and the zero of f' (z = -1.2784645427610738, where σ(z) + z·σ(z)σ(-z) cancels).</summary>
    public override IEnumerable<double> Breakpoints => beta == 0 ? [0.0] : [0.0, -1.2784645427610738 / beta];

    protected override void Limits(bool positive, out double f, out double d)
    {
        if (beta == 0)
        {
            f = positive ? double.PositiveInfinity : double.NegativeInfinity;
            d = 0.5;
            return;
        }

        var toInfinity = positive == beta > 0; // z → +∞: f → x, f' → 1; z → -∞: both → 0
        f = toInfinity ? (positive ? double.PositiveInfinity : double.NegativeInfinity) : 0;
        d = toInfinity ? 1 : 0;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        if (beta == 0)
        {
            f = x / 2;
            d = 0.5;
            return;
        }

        // z = Beta·x exactly as z + zLow (the product of a float and a double needs 77 bits). f = x·σ(z) is a few
        // double ULP. f' = σ(z) + z·σ(z)σ(-z) = σ(z)σ(-z)·(1 + z + e^z), and 1 + z + e^z vanishes at z₀: within 1/2 of
        // it, 1 + z + e^z = d + e^z₀·(e^d - 1) with d = z - z₀ (z₀ as a double-double), two terms of the sign of d
        // (Kahan's expm1 as in ExpM1NonPositive), so f' keeps a few double ULP there too; elsewhere the direct sum
        // loses at most a factor ~4 to cancellation.
        var z = beta * x;
        var zLow = Math.FusedMultiplyAdd(beta, x, -z);
        if (!double.IsFinite(zLow))
        {
            zLow = 0;
        }

        Logistic(z, out var s, out var ds);
        f = x * s;
        var dRoot = (z - RootHi) + (zLow - RootLo);
        if (Math.Abs(dRoot) < 0.5)
        {
            var expm1 = dRoot <= 0 ? ExpM1NonPositive(dRoot) : CeluReference.ExpM1NonNegative(dRoot);
            d = ds * (dRoot + ExpRoot * expm1);
        }
        else
        {
            d = s + z * ds;
        }
    }

    // z₀ = -1.27846454276107379510935873902 (mpmath) as a double-double, and e^z₀ = -(1 + z₀) rounded.
    private const double RootHi = -1.2784645427610737;
    private const double RootLo = -1.0946994183093437E-16;
    private const double ExpRoot = 0.2784645427610738;
}

/// <summary>LogSigmoid: ln σ(x) = min(x, 0) - ln(1 + e^-|x|); f' = σ(-x).</summary>
internal sealed class LogSigmoidReference : Reference
{
    public override string Name => "LogSigmoid";

    public override string Parameters => string.Empty;

    protected override void Limits(bool positive, out double f, out double d)
    {
        f = positive ? 0 : double.NegativeInfinity;
        d = positive ? 0 : 1;
    }

    protected override void EvaluateFinite(double x, out double f, out double d)
    {
        // min(x, 0) and -ln(1 + e^-|x|) are both ≤ 0: no cancellation, a few double ULP.
        f = Math.Min(x, 0) - Log1p(Math.Exp(-Math.Abs(x)));
        Logistic(-x, out d, out _);
    }
}
