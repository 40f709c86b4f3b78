using System;
using System.Collections.Generic;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// f, f' and the derivative through the output g(y) of the activations with parameters, computed in double for float
/// inputs: written from the formulas of API.md and API-CATALOG.md without the kernels' tricks, accurate to far better
/// than a float ULP wherever the result is a normal float (products and quotients with the parameters round once in
/// double; expm1 and log1p are taken in forms without cancellation). x = ±∞ gives the limits.
/// </summary>
public static class DoubleReference
{
    /// <summary>f(x) and f'(x) for <paramref name="attribute"/> (Sigmoid, Elu, LeakyRelu, Celu, Silu, Softplus, HardTanh).</summary>
    public static (double F, double D) Evaluate(string attribute, IReadOnlyDictionary<string, double> p, double x) => attribute switch
    {
        "Sigmoid" => Sigmoid(x, p["Offset"]),
        "Elu" => x > 0 ? (x, 1) : (p["Alpha"] * ExpM1(x), TimesExp(p["Alpha"], x)),
        "LeakyRelu" => x > 0 ? (x, 1) : (p["NegativeSlope"] == 0 ? 0 : p["NegativeSlope"] * x, p["NegativeSlope"]),
        "Celu" => Celu(x, p["Alpha"]),
        "Silu" => Silu(x, p["Beta"]),
        "Softplus" => Softplus(x, p["Beta"]),
        "HardTanh" => (Math.Max(p["Min"], Math.Min(p["Max"], x)), p["Min"] < x && x < p["Max"] ? 1 : 0),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, null),
    };

    /// <summary>
    /// g(y) = f'(x) written through y = f(x) (README, "Backward from the output"), exact up to one double rounding; the
    /// HardTanh bounds are those the float forward method writes (rounded to float).
    /// </summary>
    public static double FromOutput(string attribute, IReadOnlyDictionary<string, double> p, float y) => attribute switch
    {
        "Elu" => y > 0 ? 1 : y + p["Alpha"],
        "Celu" => y > 0 ? 1 : (y + p["Alpha"]) / p["Alpha"],
        "LeakyRelu" => y > 0 ? 1 : p["NegativeSlope"],
        "Softplus" => float.IsInfinity(y) ? 1 : -ExpM1(-p["Beta"] * y),
        "HardTanh" => (float)p["Min"] < y && y < (float)p["Max"] ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, null),
    };

    /// <summary>σ(z) and σ(z)·σ(-z) without overflow.</summary>
    public static (double S, double D) Logistic(double z)
    {
        var e = Math.Exp(-Math.Abs(z));
        var s = (z >= 0 ? 1 : e) / (1 + e);
        return (s, e / ((1 + e) * (1 + e)));
    }

    /// <summary>c·e^w, also where e^w alone leaves the range of double (as e^(w + ln|c|)).</summary>
    public static double TimesExp(double c, double w)
    {
        var e = Math.Exp(w);
        return c == 0 || (e > 1e-300 && e < 1e300) ? c * e : Math.CopySign(Math.Exp(w + Math.Log(Math.Abs(c))), c);
    }

    /// <summary>e^u - 1 without cancellation: 2t/(1 - t) with t = tanh(u/2) for |u| ≤ 1.</summary>
    public static double ExpM1(double u)
    {
        if (Math.Abs(u) > 1)
        {
            return Math.Exp(u) - 1;
        }

        var t = Math.Tanh(u / 2);
        return 2 * t / (1 - t);
    }

    /// <summary>ln(1 + t) for t ≥ 0 without cancellation (Goldberg: ln(u)·t/(u - 1) with u = 1 + t rounded).</summary>
    public static double Log1P(double t)
    {
        var u = 1 + t;
        return u == 1 ? t : Math.Log(u) * t / (u - 1);
    }

    private static (double, double) Sigmoid(double x, double offset) =>
        double.IsInfinity(x) ? (x > 0 ? 1 : 0, 0) : Logistic(x - offset);

    private static (double, double) Celu(double x, double alpha)
    {
        if (x > 0)
        {
            return (x, 1);
        }

        // Alpha·(e^u - 1) = x·(1 + u/2 + u²/6 + …) for tiny u (which may underflow); -|Alpha|·e^u where e^u alone overflows.
        var u = x / alpha;
        var f = Math.Abs(u) < 1e-5 ? x * (1 + u / 2 * (1 + u / 3)) : u > 700 ? TimesExp(alpha, u) : alpha * ExpM1(u);
        return (f, Math.Exp(u));
    }

    private static (double, double) Silu(double x, double beta)
    {
        if (beta == 0)
        {
            return (x / 2, 0.5);
        }

        var z = beta * x;
        if (double.IsInfinity(z))
        {
            return z > 0 ? (x, 1) : (0, 0);
        }

        var (s, d) = Logistic(z);
        if (z >= 0)
        {
            return (x * s, s + z * d);
        }

        // f' = σ(z)σ(-z)·(1 + z + e^z) for z < 0, the form whose last factor has its zero explicit.
        var e = Math.Exp(z);
        return (x * e / (1 + e), d * (1 + z + e));
    }

    private static (double, double) Softplus(double x, double beta)
    {
        var z = beta * x;
        if (double.IsInfinity(z))
        {
            return z > 0 ? (x, 1) : (0, 0);
        }

        var slope = Logistic(z).S;
        if (z > 0)
        {
            return (x + Log1P(Math.Exp(-z)) / beta, slope);
        }

        // ln(1 + e^z)/Beta = e^(z - ln|Beta|)·(1 - e^z/2 + …) where e^z alone may leave the normal range.
        var value = z < -30
            ? Math.CopySign(Math.Exp(z - Math.Log(Math.Abs(beta))), beta) * (1 - Math.Exp(z) / 2)
            : Log1P(Math.Exp(z)) / beta;
        return (value, slope);
    }
}
