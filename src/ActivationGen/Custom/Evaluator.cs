using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Custom;

/// <summary>
/// Evaluates an expression in double at compile time: for the limits at ±∞ (<see cref="Limit"/>) and the sign of a zero
/// result at ±0. IEEE arithmetic on the nodes as they stand, with the stable forms of σ and softplus.
/// </summary>
internal static class Evaluator
{
    public static double Evaluate(Expr expr, double x) => Evaluate(expr, x, single: false, out _);

    /// <summary>
    /// The value <paramref name="expr"/> has in float arithmetic at a float x: every operation rounded to float, except
    /// the arguments of exponentials, which the float kernels compute as exact pairs (here: in double). A model of the
    /// float lanes for <see cref="FloatLanesKeepAccuracy"/>.
    /// </summary>
    public static double EvaluateSingle(Expr expr, double x) => Evaluate(expr, x, single: true, out _);

    /// <summary>
    /// Whether float lanes keep f and f' within 2 ULP of the same formulas in double lanes, rounded to float, at sample
    /// points over the whole float range (dense on [-30, 30]), and finite, infinite or NaN exactly where those are: an
    /// intermediate that overflows float, or a cancellation that float digits do not survive, keeps the kernel in double.
    /// </summary>
    public static bool FloatLanesKeepAccuracy(Expr value, Expr slope)
    {
        var programs = new[] { new Compiled(value), new Compiled(slope) };
        foreach (var x in SamplePoints())
        {
            for (var k = 0; k < programs.Length; k++)
            {
                var wide = (float)programs[k].Evaluate(x, single: false, out var largestTerm);
                var narrow = (float)programs[k].Evaluate(x, single: true, out _);
                if (float.IsNaN(wide) != float.IsNaN(narrow) || float.IsInfinity(wide) != float.IsInfinity(narrow))
                {
                    return false;
                }

                // f' may cancel near its zeros: there the contract measures the error against its largest term.
                var scale = k == 1 ? Math.Max(Math.Abs(wide), Math.Min(largestTerm, float.MaxValue)) : Math.Abs(wide);
                if (!float.IsNaN(wide) && !float.IsInfinity(wide) && Math.Abs(wide) > 1e-30 && Math.Abs(wide - narrow) > 2 * Ulp((float)scale))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<double> SamplePoints()
    {
        for (var i = -1500; i <= 1500; i++)
        {
            yield return (float)(i / 50.0);
        }

        for (var e = -149; e <= 127; e++)
        {
            foreach (var m in new[] { 1.0, 1.37, 1.999 })
            {
                var v = (float)(m * Math.Pow(2, e));
                yield return v;
                yield return -v;
            }
        }

        yield return float.MaxValue;
        yield return -float.MaxValue;
    }

    private static double Ulp(float value)
    {
        var magnitude = Math.Abs(value);
        var next = BitConverter.ToSingle(BitConverter.GetBytes(BitConverter.ToInt32(BitConverter.GetBytes(magnitude), 0) + 1), 0);
        return next - magnitude;
    }

    /// <param name="largestTerm">The largest magnitude of an operand of a sum or difference (the size of what may cancel).</param>
    private static double Evaluate(Expr expr, double x, bool single, out double largestTerm) =>
        new Compiled(expr).Evaluate(x, single, out largestTerm);

    /// <summary>
    /// An expression as a flat program (its distinct nodes in post-order, each with the indexes of its arguments), so that
    /// thousands of evaluations at compile time cost microseconds each and allocate one buffer.
    /// </summary>
    private sealed class Compiled
    {
        private readonly Expr[] _nodes;
        private readonly int[][] _args;
        private readonly bool[] _exact;
        private readonly double[] _values;

        public Compiled(Expr root)
        {
            var order = new List<Expr>();
            var index = new Dictionary<Expr, int>();
            var pending = new Stack<(Expr Node, bool Expanded)>();
            pending.Push((root, false));
            while (pending.Count > 0)
            {
                var (node, expanded) = pending.Pop();
                if (index.ContainsKey(node))
                {
                    continue;
                }

                if (expanded)
                {
                    index[node] = order.Count;
                    order.Add(node);
                    continue;
                }

                pending.Push((node, true));
                foreach (var arg in node.Args)
                {
                    pending.Push((arg, false));
                }
            }

            var exponentArguments = new HashSet<Expr>();
            MarkExponentArguments(root, exponentArguments);
            _nodes = order.ToArray();
            _args = _nodes.Select(n => n.Args.Select(a => index[a]).ToArray()).ToArray();
            _exact = _nodes.Select(n => n.IsCondition || exponentArguments.Contains(n)).ToArray();
            _values = new double[_nodes.Length];
        }

        public double Evaluate(double x, bool single, out double largestTerm)
        {
            var largest = 0.0;
            var v = _values;
            for (var i = 0; i < _nodes.Length; i++)
            {
                var e = _nodes[i];
                var args = _args[i];
                var a = args.Length > 0 ? v[args[0]] : 0;
                var b = args.Length > 1 ? v[args[1]] : 0;
                var value = e.Kind switch
                {
                    Kind.X => single ? (float)x : x,
                    Kind.Constant => e.Value,
                    Kind.Select => a != 0 ? b : v[args[2]],
                    _ => Apply(e.Kind, a, b),
                };
                v[i] = single && !_exact[i] ? (float)value : value;
                if (e.Kind is Kind.Add or Kind.Subtract && !double.IsNaN(a + b))
                {
                    largest = Math.Max(largest, Math.Max(Math.Abs(a), Math.Abs(b)));
                }
            }

            largestTerm = largest;
            var result = v[_nodes.Length - 1];
            return single ? (float)result : result;
        }
    }

    /// <summary>One operation in double (the stable forms of σ and softplus; conditions as 1 or 0).</summary>
    private static double Apply(Kind kind, double a, double b) => kind switch
    {
        Kind.Negate => -a,
        Kind.Add => a + b,
        Kind.Subtract => a - b,
        Kind.Multiply => a * b,
        Kind.Divide => a / b,
        Kind.Exp or Kind.ExpNonPositive => Math.Exp(a),
        Kind.ExpM1 or Kind.ExpM1NonPositive => Math.Abs(a) < 1e-5 ? a + (a * a / 2) : Math.Exp(a) - 1,
        Kind.Log => Math.Log(a),
        Kind.Log1p => Math.Abs(a) < 1e-5 ? a - (a * a / 2) : Math.Log(1 + a),
        Kind.Sqrt => Math.Sqrt(a),
        Kind.Tanh => Math.Tanh(a),
        Kind.SechSquared => 1 / (Math.Cosh(a) * Math.Cosh(a)),
        Kind.Abs => Math.Abs(a),
        Kind.Max => a > b ? a : b,
        Kind.Min => a < b ? a : b,
        Kind.Sigmoid => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a)),
        Kind.Softplus => Math.Max(a, 0) + Math.Log(1 + Math.Exp(-Math.Abs(a))),
        Kind.Erf => Erf(a),
        Kind.Erfc => 1 - Erf(a),
        Kind.Less => a < b ? 1 : 0,
        Kind.LessOrEqual => a <= b ? 1 : 0,
        Kind.Greater => a > b ? 1 : 0,
        Kind.GreaterOrEqual => a >= b ? 1 : 0,
        Kind.Equal => a == b ? 1 : 0,
        Kind.NotEqual => a != b ? 1 : 0,
        Kind.And => a != 0 && b != 0 ? 1 : 0,
        Kind.Or => a != 0 || b != 0 ? 1 : 0,
        Kind.Not => a == 0 ? 1 : 0,
        _ => double.NaN,
    };

    /// <summary>
    /// The nodes the float kernels compute as exact pairs: the sums, differences, products, quotients and negations
    /// under the argument of an exponential, and the constants there (written as a float pair, hi + lo: KernelWriter's Pair).
    /// </summary>
    private static void MarkExponentArguments(Expr expr, HashSet<Expr> marked)
    {
        void MarkPair(Expr e)
        {
            if (e.Kind is Kind.Constant)
            {
                marked.Add(e);
            }
            else if (e.Kind is Kind.Add or Kind.Subtract or Kind.Multiply or Kind.Divide or Kind.Negate && marked.Add(e))
            {
                foreach (var arg in e.Args)
                {
                    MarkPair(arg);
                }
            }
        }

        var seen = new HashSet<Expr>();
        void Visit(Expr e)
        {
            if (!seen.Add(e))
            {
                return;
            }

            if (e.Kind is Kind.Exp or Kind.ExpM1 or Kind.ExpNonPositive or Kind.ExpM1NonPositive or Kind.Sigmoid or Kind.Softplus or Kind.Tanh or Kind.SechSquared or Kind.Erfc)
            {
                MarkPair(e.A);
            }

            foreach (var arg in e.Args)
            {
                Visit(arg);
            }
        }

        Visit(expr);
    }

    /// <summary>
    /// The limit of <paramref name="expr"/> as x → <paramref name="sign"/>·∞, from its values at ±1e5, 1e10, 1e20, 1e40:
    /// the last value where the last two agree (to 1e-9), ±∞ where the magnitude keeps growing (at least 1.5× per step), ±0 where it
    /// keeps shrinking the same way; NaN where the values establish none of these (the kernel then returns NaN there).
    /// </summary>
    public static double Limit(Expr expr, int sign)
    {
        var values = new double[4];
        var x = 1e5;
        for (var i = 0; i < values.Length; i++, x *= x)
        {
            values[i] = Evaluate(expr, sign * x);
        }

        var last = values[3];
        if (double.IsNaN(last) || double.IsNaN(values[2]))
        {
            return double.NaN;
        }

        if (last == values[2] || Math.Abs(last - values[2]) <= 1e-9 * Math.Abs(last))
        {
            return last; // converged (to the rounding of the formula at x = 1e40)
        }

        bool Growing(int i) => Math.Abs(values[i + 1]) >= 1.5 * Math.Abs(values[i]) && Math.Sign(values[i + 1]) == Math.Sign(values[i]);
        bool Shrinking(int i) => Math.Abs(values[i + 1]) * 1.5 <= Math.Abs(values[i]) && (values[i + 1] == 0 || Math.Sign(values[i + 1]) == Math.Sign(values[i]));
        if (Growing(1) && Growing(2) && last != 0)
        {
            return last > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        if (Shrinking(1) && Shrinking(2) && Math.Abs(last) < 1e-30)
        {
            return values[1] > 0 ? 0.0 : -0.0;
        }

        return double.NaN;
    }

    /// <summary>erf to about 1e-7 (Abramowitz and Stegun 7.1.26 form): enough for limits and zero signs at compile time.</summary>
    private static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var t = 1 / (1 + (0.3275911 * Math.Abs(x)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var y = 1 - (poly * Math.Exp(-x * x));
        return x == 0 ? x : Math.Sign(x) * y;
    }
}
