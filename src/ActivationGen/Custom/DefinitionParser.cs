using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Custom;

/// <summary>
/// Reads <c>[Activation(...)]</c>: resolves the definition it names (AGEN0017 where the name does not resolve to one),
/// turns the definition's body into an <see cref="Expr"/> (AGEN0016 at the first construct it does not support), and
/// prepares f and f' for the emitter: the stable forms, the derivative, the limits at ±∞ and the sign of a zero result
/// at ±0.
/// </summary>
internal static class DefinitionParser
{
    public const string AttributeMetadataName = "ActivationGen.ActivationAttribute";

    /// <summary>The largest f plus f' (distinct nodes, after inlining, the stable forms and the derivative) a definition may have.</summary>
    public const int MaxSize = 2000;

    /// <summary>What a definition may contain, for AGEN0016's message.</summary>
    public const string Supported =
        "the parameter, numeric literals and constants, casts between float and double, + - * /, unary - and +, "
        + "c ? a : b with comparisons (< <= > >= == !=) combined by && || !, Math/MathF Exp, Log, Sqrt, Tanh, Abs, Max, Min, "
        + "Pow(a, n) with n an integer constant, double/float ExpM1 and LogP1, Fn.Sigmoid, Fn.Softplus, Fn.Erf, Fn.Erfc, "
        + "calls to other definitions, and local declarations before one return";

    private static readonly string[] MathFunctions = { "Exp", "Log", "Sqrt", "Tanh", "Abs", "Max", "Min", "Pow" };

    private static readonly string[] FnFunctions = { "Sigmoid", "Softplus", "Erf", "Erfc" };

    private static readonly char[] Whitespace = { ' ', '\r', '\n', '\t' };

    public static ActivationSpec? Parse(
        AttributeData attribute,
        IMethodSymbol method,
        MethodShape? shape,
        ElementType? element,
        string methodName,
        Location methodLocation,
        Compilation compilation,
        Action<DiagnosticDescriptor, Location, object?[]> report,
        CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = syntax?.GetLocation() ?? methodLocation;
        bool derivative = false, valid = true;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Value is not bool flag)
            {
                return null;
            }

            var location = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argument.Key)?.GetLocation() ?? attributeLocation;
            if (argument.Key == "Derivative")
            {
                derivative = flag;
                if (flag && shape is MethodShape.Backward or MethodShape.Fused)
                {
                    report(DiagnosticDescriptors.DerivativeOnGradientShape, location, new object?[] { methodName, shape == MethodShape.Backward ? "backward" : "fused" });
                    valid = false;
                }
            }
            else if (argument.Key == "FromOutput" && flag)
            {
                report(DiagnosticDescriptors.FromOutputUnsupported, location, new object?[] { "is not supported by [Activation]" });
                valid = false;
            }
        }

        var arguments = attribute.ConstructorArguments;
        var nameArgument = syntax?.ArgumentList?.Arguments.LastOrDefault(a => a.NameEquals is null)?.GetLocation() ?? attributeLocation;
        if (arguments.Length == 0 || arguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            return null;
        }

        var owner = arguments.Length == 2 ? arguments[0].Value as INamedTypeSymbol : null;
        var name = arguments[arguments.Length - 1].Value as string;
        var definition = Resolve(method, owner, name, element ?? ElementType.Double, out var problem);
        if (definition is null)
        {
            report(DiagnosticDescriptors.DefinitionNotFound, nameArgument, new object?[] { name ?? "null", problem });
            return null;
        }

        var (body, conversionError, hasCompilerErrors) = ConvertDefinition(definition, compilation, cancellationToken);
        if (hasCompilerErrors)
        {
            return null;
        }

        if (conversionError is { } error)
        {
            report(DiagnosticDescriptors.UnsupportedInDefinition, error.Location, new object?[] { error.What, error.Definition, error.Why });
            return null;
        }

        if (body is null)
        {
            return null;
        }

        var prepared = Prepare(body);
        if (prepared.Size > MaxSize)
        {
            var at = definition.Locations.FirstOrDefault() ?? nameArgument;
            report(DiagnosticDescriptors.UnsupportedInDefinition, at, new object?[] { "A definition this large", Display(definition), $"after inlining and differentiation it has {prepared.Size} nodes, more than {MaxSize}" });
            return null;
        }

        var custom = new CustomDefinition(Display(definition), prepared.Value, prepared.Slope, prepared.FloatLanes);
        if (element == ElementType.Single && !prepared.FloatLanes)
        {
            var why = prepared.Value.Any(NoFloatHelper) || prepared.Slope.Any(NoFloatHelper)
                ? "Fn.Erf and Fn.Erfc have no float helper"
                : "in float arithmetic an intermediate overflows, or f or f' drift more than 2 ULP from double";
            report(DiagnosticDescriptors.DefinitionInDoubleLanes, definition.Locations.FirstOrDefault() ?? nameArgument, new object?[] { Display(definition), why });
        }

        return valid ? ActivationSpec.ForDefinition(Kernels.CustomActivation.Instance, derivative, custom) : null;
    }

    /// <summary>
    /// The definitions converted in a compilation (every method that uses a definition asks; binding its body again for
    /// each would cost a semantic model each time).
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, Conversion>> Conversions = new();

    /// <summary>A definition's body as an expression (null after an error), the first unsupported construct, and whether the compiler rejects the body.</summary>
    private sealed record Conversion(Expr? Body, ConversionError? Error, bool HasCompilerErrors);

    private static Conversion ConvertDefinition(IMethodSymbol definition, Compilation compilation, CancellationToken cancellationToken)
    {
        var converted = Conversions.GetValue(compilation, static _ => new ConcurrentDictionary<IMethodSymbol, Conversion>(SymbolEqualityComparer.Default));
        if (converted.TryGetValue(definition, out var done))
        {
            return done;
        }

        var converter = new Converter(compilation, cancellationToken);
        var body = converter.Inline(definition, Expr.X);
        return converted[definition] = new Conversion(body, converter.Error, converter.HasCompilerErrors);
    }

    /// <summary>f and f' of a definition's body, ready for the emitter, by the body (every method that uses a definition asks).</summary>
    private static readonly ConcurrentDictionary<Expr, Prepared> Cache = new();

    /// <summary>f and f' with their special values, whether float lanes keep them, and their size (distinct nodes).</summary>
    private sealed record Prepared(Expr Value, Expr Slope, bool FloatLanes, int Size);

    /// <summary>Erf and erfc have double helpers only.</summary>
    private static bool NoFloatHelper(Expr node) => node.Kind is Kind.Erf or Kind.Erfc;

    /// <summary>The stable forms, the derivative, the special values and the choice of lanes, once per distinct body.</summary>
    private static Prepared Prepare(Expr body)
    {
        if (Cache.TryGetValue(body, out var done))
        {
            return done;
        }

        var value = StableForms.Apply(body);
        var slope = StableForms.Apply(Derivative.Of(value));
        var size = value.Size + slope.Size;
        Prepared prepared;
        if (size > MaxSize)
        {
            prepared = new Prepared(value, slope, FloatLanes: false, size);
        }
        else
        {
            var finalValue = WithSpecialValues(value, body);
            var finalSlope = WithSpecialValues(slope, Derivative.Of(body));
            var floatLanes = !finalValue.Any(NoFloatHelper) && !finalSlope.Any(NoFloatHelper) && Evaluator.FloatLanesKeepAccuracy(finalValue, finalSlope);
            prepared = new Prepared(finalValue, finalSlope, floatLanes, size);
        }

        if (Cache.Count >= 256)
        {
            Cache.Clear(); // bounded: the IDE's process keeps the generator loaded across compilations
        }

        Cache[body] = prepared;
        return prepared;
    }

    /// <summary>
    /// The expression with its limits at ±∞ selected there, and at ±0 the zero the definition as written gives in IEEE
    /// arithmetic where the stable form would give the other zero.
    /// </summary>
    private static Expr WithSpecialValues(Expr stable, Expr asWritten)
    {
        var result = stable;
        foreach (var zero in new[] { 0.0, -0.0 })
        {
            var written = Evaluator.Evaluate(asWritten, zero);
            var computed = Evaluator.Evaluate(stable, zero);
            if (written == 0 && BitConverter.DoubleToInt64Bits(written) != BitConverter.DoubleToInt64Bits(computed))
            {
                var atPlus = Evaluator.Evaluate(asWritten, 0.0);
                var atMinus = Evaluator.Evaluate(asWritten, -0.0);
                var zeroValue = IsPositiveZero(atPlus) && IsNegativeZero(atMinus) ? Expr.X
                    : IsNegativeZero(atPlus) && IsPositiveZero(atMinus) ? Expr.Negate(Expr.X)
                    : Expr.Constant(written);
                result = Expr.Select(Expr.Compare(Kind.Equal, Expr.X, Expr.Zero), zeroValue, result);
                break;
            }
        }

        // At ±∞ the limit, where the formula itself does not give it (∞/∞, ∞·0), and wherever an exponential's argument is
        // computed as a pair (its low part is NaN at ±∞, which the compile-time evaluation does not model).
        var pairs = stable.Any(n => n.Kind is Kind.Exp or Kind.ExpM1 or Kind.ExpNonPositive or Kind.ExpM1NonPositive or Kind.Sigmoid
            or Kind.Softplus or Kind.Tanh or Kind.SechSquared or Kind.Erfc && n.A.Kind is not (Kind.X or Kind.Constant));
        foreach (var infinity in new[] { double.NegativeInfinity, double.PositiveInfinity })
        {
            var limit = Evaluator.Limit(stable, Math.Sign(infinity));
            if (pairs || BitConverter.DoubleToInt64Bits(Evaluator.Evaluate(stable, infinity)) != BitConverter.DoubleToInt64Bits(limit))
            {
                result = Expr.Select(Expr.Compare(Kind.Equal, Expr.X, Expr.Constant(infinity)), Expr.Constant(limit), result);
            }
        }

        return result;
    }

    private static bool IsPositiveZero(double value) => BitConverter.DoubleToInt64Bits(value) == 0;

    private static bool IsNegativeZero(double value) => BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(-0.0);

    private static string Display(IMethodSymbol definition) => definition.ContainingType.Name + "." + definition.Name;

    /// <summary>
    /// The definition <paramref name="name"/> in <paramref name="owner"/>, or in the method's type and the types containing
    /// it; the overload of the element type where there are both. Null with the reason where there is none.
    /// </summary>
    private static IMethodSymbol? Resolve(IMethodSymbol method, INamedTypeSymbol? owner, string? name, ElementType element, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrEmpty(name))
        {
            problem = "the name is empty; write [Activation(nameof(F))] with F a static method double F(double x) or float F(float x)";
            return null;
        }

        var searched = new List<INamedTypeSymbol>();
        for (var type = owner ?? method.ContainingType; type is not null; type = owner is null ? type.ContainingType : null)
        {
            searched.Add(type);
            var members = type.GetMembers(name!);
            if (members.Length == 0)
            {
                continue;
            }

            var methods = members.OfType<IMethodSymbol>().ToList();
            var valid = methods.Where(m => ProblemOf(m) is null).ToList();
            var wanted = element == ElementType.Single ? SpecialType.System_Single : SpecialType.System_Double;
            var chosen = valid.FirstOrDefault(m => m.ReturnType.SpecialType == wanted) ?? valid.FirstOrDefault();
            if (chosen is not null)
            {
                return chosen;
            }

            problem = methods.Count > 0
                ? $"'{type.Name}.{name}' {ProblemOf(methods[0])}; a definition is a static method double F(double x) or float F(float x) declared in this compilation"
                : $"'{type.Name}.{name}' is a {KindOf(members[0])}, not a method; a definition is a static method double F(double x) or float F(float x)";
            return null;
        }

        problem = $"no member named '{name}' was found in {string.Join(" or ", searched.Select(t => "'" + t.Name + "'"))}"
            + (owner is null ? "; for a definition in another type write [Activation(typeof(Type), nameof(Type.F))]" : string.Empty);
        return null;
    }

    /// <summary>What keeps a method from being a definition, or null.</summary>
    private static string? ProblemOf(IMethodSymbol m)
    {
        if (!m.IsStatic)
        {
            return "is not static";
        }

        if (m.IsGenericMethod)
        {
            return "is generic";
        }

        if (m.Parameters.Length != 1)
        {
            return $"takes {m.Parameters.Length} parameters, not one";
        }

        var type = m.ReturnType.SpecialType;
        if (type is not (SpecialType.System_Double or SpecialType.System_Single) || m.Parameters[0].Type.SpecialType != type)
        {
            return $"is {m.ReturnType.ToDisplayString()} {m.Name}({m.Parameters[0].Type.ToDisplayString()}), not double F(double x) or float F(float x)";
        }

        if (m.Parameters[0].RefKind != RefKind.None)
        {
            return "takes its parameter by reference";
        }

        return m.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null })
            ? null
            : "has no body in this compilation";
    }

    private static string KindOf(ISymbol symbol) => symbol.Kind switch
    {
        SymbolKind.Field => "field",
        SymbolKind.Property => "property",
        SymbolKind.Event => "event",
        SymbolKind.NamedType => "type",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The first unsupported construct: where it is, what it is, the definition it is in, and why (or what is supported instead).</summary>
    private sealed record ConversionError(Location Location, string What, string Definition, string Why);

    /// <summary>Syntax and semantic model to <see cref="Expr"/>, one definition at a time, inlining the definitions it calls.</summary>
    private sealed class Converter
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Stack<IMethodSymbol> _inlining = new();

        public Converter(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        public ConversionError? Error { get; private set; }

        /// <summary>Whether a definition's body has compiler errors (then there is no <see cref="Error"/> of ours).</summary>
        public bool HasCompilerErrors { get; private set; }

        /// <summary>The definition's body with its parameter bound to <paramref name="argument"/>, or null after an error.</summary>
        public Expr? Inline(IMethodSymbol definition, Expr argument)
        {
            var syntax = definition.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault(s => s.Body is not null || s.ExpressionBody is not null);
            if (syntax is null)
            {
                return null;
            }

            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
            _inlining.Push(definition.OriginalDefinition);
            var scope = new Scope(model, definition.Parameters[0], argument);
            Expr? result = null;
            if (syntax.ExpressionBody is { } arrow)
            {
                result = Convert(arrow.Expression, scope);
            }
            else
            {
                var statements = syntax.Body!.Statements;
                for (var i = 0; i < statements.Count && Error is null; i++)
                {
                    switch (statements[i])
                    {
                        case LocalDeclarationStatementSyntax local when i < statements.Count - 1 && !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                            foreach (var variable in local.Declaration.Variables)
                            {
                                if (variable.Initializer is null)
                                {
                                    Fail(variable, $"local '{variable.Identifier.ValueText}' without an initializer", "each local is assigned once, where it is declared");
                                }
                                else if (Convert(variable.Initializer.Value, scope) is { } value && scope.Model.GetDeclaredSymbol(variable, _cancellationToken) is ILocalSymbol symbol)
                                {
                                    scope.Locals[symbol] = value;
                                }
                            }

                            break;
                        case ReturnStatementSyntax { Expression: { } returned } when i == statements.Count - 1:
                            result = Convert(returned, scope);
                            break;
                        default:
                            Fail(statements[i], Describe(statements[i]), "a definition is an expression body, or local declarations followed by one return");
                            break;
                    }
                }
            }

            _inlining.Pop();

            // A body the compiler rejects is the compiler's error to show, not ours (asked only then: it costs a binding).
            var body = (SyntaxNode?)syntax.ExpressionBody ?? syntax.Body!;
            if (Error is not null && !HasCompilerErrors && model.GetDiagnostics(body.Span, _cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                HasCompilerErrors = true;
            }

            return Error is null ? result : null;
        }

        private Expr? Convert(ExpressionSyntax e, Scope scope)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (Error is not null)
            {
                return null;
            }

            var constant = scope.Model.GetConstantValue(e, _cancellationToken);
            if (constant.HasValue && IsNumeric(constant.Value))
            {
                return Expr.Constant(System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            switch (e)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Convert(parenthesized.Expression, scope);
                case CastExpressionSyntax cast when IsFloating(scope.Model.GetTypeInfo(cast, _cancellationToken).Type) && IsFloatingOrUnknown(scope.Model.GetTypeInfo(cast.Expression, _cancellationToken).Type):
                    return Convert(cast.Expression, scope);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus:
                    return Convert(minus.Operand, scope) is { } negated ? Expr.Negate(negated) : null;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryPlusExpression } plus:
                    return Convert(plus.Operand, scope);
                case BinaryExpressionSyntax binary when Arithmetic(binary.Kind()) is { } kind && IsFloating(scope.Model.GetTypeInfo(binary, _cancellationToken).Type):
                    var left = Convert(binary.Left, scope);
                    var right = Convert(binary.Right, scope);
                    return left is null || right is null ? null : Expr.Make(kind, left, right);
                case ConditionalExpressionSyntax conditional:
                    var condition = ConvertCondition(conditional.Condition, scope);
                    var then = Convert(conditional.WhenTrue, scope);
                    var otherwise = Convert(conditional.WhenFalse, scope);
                    return condition is null || then is null || otherwise is null ? null : Expr.Select(condition, then, otherwise);
                case IdentifierNameSyntax identifier:
                    return ConvertName(identifier, scope);
                case InvocationExpressionSyntax invocation:
                    return ConvertCall(invocation, scope);
                default:
                    var symbol = scope.Model.GetSymbolInfo(e, _cancellationToken).Symbol;
                    return Fail(e, symbol is IFieldSymbol or IPropertySymbol ? $"the non-constant {KindOf(symbol)} '{symbol.ContainingType.Name}.{symbol.Name}'" : Describe(e), "supported: " + Supported);
            }
        }

        private Expr? ConvertName(IdentifierNameSyntax identifier, Scope scope)
        {
            var symbol = scope.Model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol, scope.Parameter))
            {
                return scope.Argument;
            }

            if (symbol is ILocalSymbol local && scope.Locals.TryGetValue(local, out var value))
            {
                return value;
            }

            return Fail(identifier, symbol is null ? $"'{identifier.Identifier.ValueText}'" : $"the non-constant {KindOf(symbol)} '{symbol.Name}'", "supported: " + Supported);
        }

        private Expr? ConvertCall(InvocationExpressionSyntax invocation, Scope scope)
        {
            if (scope.Model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol callee)
            {
                return Fail(invocation, Describe(invocation), "supported: " + Supported);
            }

            var type = callee.ContainingType?.ToDisplayString();
            var display = $"{callee.ContainingType?.Name}.{callee.Name}";
            var floating = callee.Parameters.All(p => IsFloating(p.Type) && p.RefKind == RefKind.None);
            var args = invocation.ArgumentList.Arguments;
            if ((type is "System.Math" or "System.MathF") && MathFunctions.Contains(callee.Name) && floating && !(callee.Name == "Log" && args.Count != 1))
            {
                if (callee.Name == "Pow")
                {
                    return ConvertPower(invocation, scope);
                }

                var a = Convert(args[0].Expression, scope);
                var b = args.Count > 1 ? Convert(args[1].Expression, scope) : null;
                if (a is null || (args.Count > 1 && b is null))
                {
                    return null;
                }

                var kind = (Kind)Enum.Parse(typeof(Kind), callee.Name);
                return args.Count > 1 ? Expr.Raw(kind, a, b!) : Expr.Call(kind, a);
            }

            if ((type is "double" or "float") && callee.Name is "ExpM1" or "LogP1" && args.Count == 1)
            {
                return Convert(args[0].Expression, scope) is { } a ? Expr.Call(callee.Name == "ExpM1" ? Kind.ExpM1 : Kind.Log1p, a) : null;
            }

            if (type == "ActivationGen.Fn" && FnFunctions.Contains(callee.Name) && floating && args.Count == 1)
            {
                return Convert(args[0].Expression, scope) is { } a ? Expr.Call((Kind)Enum.Parse(typeof(Kind), callee.Name), a) : null;
            }

            if (ProblemOf(callee) is null && args.Count == 1 && callee.ContainingType?.ToDisplayString() != "ActivationGen.Fn")
            {
                if (_inlining.Contains(callee.OriginalDefinition, SymbolEqualityComparer.Default))
                {
                    return Fail(invocation, $"the recursive call '{display}'", "a definition may call other definitions, but not itself, directly or through others");
                }

                return Convert(args[0].Expression, scope) is { } argument ? Inline(callee, argument) : null;
            }

            return Fail(invocation, $"'{display}'", "supported: " + Supported);
        }

        /// <summary>Pow(a, n), n an integer constant: products by repeated squaring, 1 / the product for n &lt; 0.</summary>
        private Expr? ConvertPower(InvocationExpressionSyntax invocation, Scope scope)
        {
            var args = invocation.ArgumentList.Arguments;
            var exponent = scope.Model.GetConstantValue(args[1].Expression, _cancellationToken);
            var n = exponent.HasValue && IsNumeric(exponent.Value) ? System.Convert.ToDouble(exponent.Value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
            if (n != Math.Floor(n) || Math.Abs(n) > 64)
            {
                return Fail(args[1], $"the exponent '{args[1]}' of Pow", "Pow(a, n) is supported with n an integer constant between -64 and 64");
            }

            if (Convert(args[0].Expression, scope) is not { } a)
            {
                return null;
            }

            Expr result = Expr.One, square = a;
            for (var k = (int)Math.Abs(n); k > 0; k >>= 1, square = Expr.Multiply(square, square))
            {
                if ((k & 1) != 0)
                {
                    result = Expr.Multiply(result, square);
                }
            }

            return n < 0 ? Expr.Divide(Expr.One, result) : result;
        }

        private Expr? ConvertCondition(ExpressionSyntax e, Scope scope)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return ConvertCondition(parenthesized.Expression, scope);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                    return ConvertCondition(not.Operand, scope) is { } operand ? Expr.Raw(Kind.Not, operand) : null;
                case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression:
                    var l = ConvertCondition(binary.Left, scope);
                    var r = ConvertCondition(binary.Right, scope);
                    return l is null || r is null ? null : Expr.Raw(binary.IsKind(SyntaxKind.LogicalAndExpression) ? Kind.And : Kind.Or, l, r);
                case BinaryExpressionSyntax binary when Comparison(binary.Kind()) is { } kind:
                    var a = Convert(binary.Left, scope);
                    var b = Convert(binary.Right, scope);
                    return a is null || b is null ? null : Expr.Compare(kind, a, b);
                default:
                    return Fail(e, "the condition " + Describe(e), "a condition compares allowed expressions (< <= > >= == !=), combined by && || !");
            }
        }

        private Expr? Fail(SyntaxNode node, string what, string why)
        {
            Error ??= new ConversionError(node.GetLocation(), what, Display(_inlining.Peek()), why);
            return null;
        }

        private static Kind? Arithmetic(SyntaxKind kind) => kind switch
        {
            SyntaxKind.AddExpression => Kind.Add,
            SyntaxKind.SubtractExpression => Kind.Subtract,
            SyntaxKind.MultiplyExpression => Kind.Multiply,
            SyntaxKind.DivideExpression => Kind.Divide,
            _ => null,
        };

        private static Kind? Comparison(SyntaxKind kind) => kind switch
        {
            SyntaxKind.LessThanExpression => Kind.Less,
            SyntaxKind.LessThanOrEqualExpression => Kind.LessOrEqual,
            SyntaxKind.GreaterThanExpression => Kind.Greater,
            SyntaxKind.GreaterThanOrEqualExpression => Kind.GreaterOrEqual,
            SyntaxKind.EqualsExpression => Kind.Equal,
            SyntaxKind.NotEqualsExpression => Kind.NotEqual,
            _ => null,
        };

        private static bool IsNumeric(object? value) => value is double or float or int or long or short or sbyte or byte or uint or ulong or ushort or decimal;

        private static bool IsFloating(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private static bool IsFloatingOrUnknown(ITypeSymbol? type) => type is null || IsFloating(type);

        /// <summary>A construct as the message names it: its text, shortened.</summary>
        private static string Describe(SyntaxNode node)
        {
            var text = string.Join(" ", node.ToString().Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));
            return "'" + (text.Length > 40 ? text.Substring(0, 37) + "..." : text) + "'";
        }
    }

    /// <summary>One definition being inlined: its semantic model, its parameter and what it is bound to, its locals.</summary>
    private sealed class Scope
    {
        public Scope(SemanticModel model, IParameterSymbol parameter, Expr argument)
        {
            Model = model;
            Parameter = parameter;
            Argument = argument;
        }

        public SemanticModel Model { get; }

        public IParameterSymbol Parameter { get; }

        public Expr Argument { get; }

        public Dictionary<ILocalSymbol, Expr> Locals { get; } = new(SymbolEqualityComparer.Default);
    }
}

/// <summary>
/// A user's definition as the emitter gets it: its name for the docs, f and f' with their special values, and whether
/// float kernels compute in float lanes (else double lanes, widened and narrowed).
/// </summary>
internal sealed record CustomDefinition(string Name, Expr Value, Expr Slope, bool FloatLanes);
