namespace ActivationGen.Custom;

/// <summary>
/// Rewrites a definition into forms that neither overflow nor cancel where the naive text would (the README lists them):
/// <list type="bullet">
/// <item>ln(1 + e^u) → softplus(u); ln(1 + u) → log1p(u); e^u − 1 → expm1(u) (and 1 − e^u → −expm1(u));</item>
/// <item>a / (1 + e^u) → a·σ(−u) (so 1 / (1 + e^−u) → σ(u)); ln σ(u) → −softplus(−u);</item>
/// <item>1 ± tanh(u) → 2σ(±2u); 1 + erf(u) → erfc(−u), 1 − erf(u) → erfc(u);</item>
/// <item>a + √(a·a + b) → b / (√(a·a + b) − a) where a &lt; 0 (no cancellation), a − √(a·a + b) likewise where a &gt; 0;</item>
/// <item>in the branch of a select where u ≤ 0, e^u and e^u − 1 are computed for u ≤ 0 only; c ? x : b is written !c ? b : x.</item>
/// </list>
/// Applied bottom-up in one pass, so an inner rewrite can enable an outer one (ln(1 / (1 + e^−x)) → ln σ(x) → −softplus(−x)).
/// </summary>
internal static class StableForms
{
    public static Expr Apply(Expr expr)
    {
        var memo = new System.Collections.Generic.Dictionary<Expr, Expr>();
        Expr Visit(Expr node)
        {
            if (memo.TryGetValue(node, out var done))
            {
                return done;
            }

            var args = new Expr[node.Args.Count];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = Visit(node.Args[i]);
            }

            var rebuilt = Expr.Rebuild(node, args);
            var result = One(rebuilt) ?? rebuilt; // the arguments are rewritten already: one pass suffices
            memo[node] = result;
            return result;
        }

        return Visit(expr);
    }

    /// <summary>The rewrite of one node whose arguments are rewritten already, or null.</summary>
    private static Expr? One(Expr e)
    {
        switch (e.Kind)
        {
            case Kind.Log when OnePlus(e.A) is { } u:
                return u.Kind == Kind.Exp ? Expr.Call(Kind.Softplus, u.A) : Expr.Call(Kind.Log1p, u);
            case Kind.Log when e.A.Kind == Kind.Sigmoid:
                return Expr.Negate(Expr.Call(Kind.Softplus, Expr.Negate(e.A.A)));
            case Kind.Subtract when e.A.Kind == Kind.Exp && e.B.Is(1):
                return Expr.Call(Kind.ExpM1, e.A.A);
            case Kind.Add when e.A.Kind == Kind.Exp && e.B.Is(-1):
                return Expr.Call(Kind.ExpM1, e.A.A);
            case Kind.Add when e.A.Is(-1) && e.B.Kind == Kind.Exp:
                return Expr.Call(Kind.ExpM1, e.B.A);
            case Kind.Subtract when e.A.Is(1) && e.B.Kind == Kind.Exp:
                return Expr.Negate(Expr.Call(Kind.ExpM1, e.B.A));
            case Kind.Divide when OnePlus(e.B) is { Kind: Kind.Exp } exp:
                return Expr.Multiply(e.A, Expr.Call(Kind.Sigmoid, Expr.Negate(exp.A)));
            case Kind.Add or Kind.Subtract when OnePlus(e) is { Kind: Kind.Tanh } tanh:
                return Expr.Multiply(Expr.Constant(2), Expr.Call(Kind.Sigmoid, Expr.Multiply(Expr.Constant(2), tanh.A)));
            case Kind.Subtract when e.A.Is(1) && e.B.Kind == Kind.Tanh:
                return Expr.Multiply(Expr.Constant(2), Expr.Call(Kind.Sigmoid, Expr.Multiply(Expr.Constant(-2), e.B.A)));
            case Kind.Add or Kind.Subtract when OnePlus(e) is { Kind: Kind.Erf } erf:
                return Expr.Call(Kind.Erfc, Expr.Negate(erf.A));
            case Kind.Subtract when e.A.Is(1) && e.B.Kind == Kind.Erf:
                return Expr.Call(Kind.Erfc, e.B.A);
            case Kind.Subtract when e.A.Is(1) && e.B.Kind == Kind.Erfc:
                return Expr.Call(Kind.Erf, e.B.A);
            case Kind.Add when RootOfSquarePlus(e.A, e.B) is { } b:
                return Expr.Select(
                    Expr.Compare(Kind.Less, e.A, Expr.Zero),
                    Expr.Divide(b, Expr.Subtract(e.B, e.A)),
                    e);
            case Kind.Add when RootOfSquarePlus(e.B, e.A) is { } b:
                return Expr.Select(
                    Expr.Compare(Kind.Less, e.B, Expr.Zero),
                    Expr.Divide(b, Expr.Subtract(e.A, e.B)),
                    e);
            case Kind.Select when e.B.Kind == Kind.X && Complement(e.A) is { } complement:
                var swapped = Expr.Select(complement, e.Args[2], e.B);
                return One(swapped) ?? swapped;
            case Kind.Select when NonPositiveBranch(e) is { } branch && Restricted(e.Args[branch], e.A.A) is { } restricted && !restricted.Equals(e.Args[branch]):
                return Expr.Select(e.A, branch == 1 ? restricted : e.B, branch == 2 ? restricted : e.Args[2]);
            case Kind.Subtract when RootOfSquarePlus(e.A, e.B) is { } b:
                return Expr.Select(
                    Expr.Compare(Kind.Greater, e.A, Expr.Zero),
                    Expr.Negate(Expr.Divide(b, Expr.Add(e.B, e.A))),
                    e);
            default:
                return null;
        }
    }

    /// <summary>
    /// The branch of a select on u &gt; 0 (the third argument), u ≤ 0 or u &lt; 0 (the second) where u ≤ 0 holds (or u is NaN),
    /// or null.
    /// </summary>
    private static int? NonPositiveBranch(Expr select) => select.A switch
    {
        { Kind: Kind.Greater } c when c.B.Is(0) => 2,
        { Kind: Kind.LessOrEqual or Kind.Less } c when c.B.Is(0) => 1,
        _ => null,
    };

    /// <summary>
    /// The complement of a comparison that is false for NaN (a &gt; b → a ≤ b, …): c ? x : b is written !c ? b : x, so that
    /// a NaN x takes x itself (the kernel then needs no NaN rule of its own).
    /// </summary>
    private static Expr? Complement(Expr condition) => condition.Kind switch
    {
        Kind.Greater => Expr.Compare(Kind.LessOrEqual, condition.A, condition.B),
        Kind.GreaterOrEqual => Expr.Compare(Kind.Less, condition.A, condition.B),
        Kind.Less => Expr.Compare(Kind.GreaterOrEqual, condition.A, condition.B),
        Kind.LessOrEqual => Expr.Compare(Kind.Greater, condition.A, condition.B),
        _ => null,
    };

    /// <summary>The branch with e^u and e^u - 1 of the compared u computed for u ≤ 0 only (one exponential, no overflow range).</summary>
    private static Expr Restricted(Expr branch, Expr u) => branch.Map(node => node.Kind switch
    {
        Kind.Exp when node.A.Equals(u) => Expr.Call(Kind.ExpNonPositive, u),
        Kind.ExpM1 when node.A.Equals(u) => Expr.Call(Kind.ExpM1NonPositive, u),
        _ => null,
    });

    /// <summary>u where <paramref name="e"/> is 1 + u or u + 1 (not yet rewritten), else null.</summary>
    private static Expr? OnePlus(Expr e) => e.Kind switch
    {
        Kind.Add when e.A.Is(1) => e.B,
        Kind.Add when e.B.Is(1) => e.A,
        _ => null,
    };

    /// <summary>b where <paramref name="root"/> is √(a·a + b) (or √(b + a·a)) with b a positive constant, else null.</summary>
    private static Expr? RootOfSquarePlus(Expr a, Expr root)
    {
        if (root.Kind != Kind.Sqrt || root.A.Kind != Kind.Add)
        {
            return null;
        }

        var sum = root.A;
        bool IsSquare(Expr s) => s.Kind == Kind.Multiply && s.A.Equals(a) && s.B.Equals(a);
        if (IsSquare(sum.A) && sum.B is { IsConstant: true, Value: > 0 })
        {
            return sum.B;
        }

        return IsSquare(sum.B) && sum.A is { IsConstant: true, Value: > 0 } ? sum.A : null;
    }
}
