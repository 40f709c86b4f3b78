using System.Linq;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Parsing;

/// <summary>
/// Selects the method shape from the return type and the parameter types, in order; or says which parameter or type
/// keeps the method from having one, located there.
/// </summary>
internal static class SignatureParser
{
    /// <summary>The result: a shape and element type, or the diagnostic (descriptor, place, what is wrong) that says why there is none.</summary>
    internal readonly record struct Signature(MethodShape Shape, ElementType Element, int VectorBits, DiagnosticDescriptor? Error, Location? ErrorLocation, string? Detail);

    private enum Kind
    {
        Other,
        Void,
        Scalar,
        ReadOnlySpan,
        Span,
        Vector128,
        Vector256,
        Vector512,
    }

    private sealed record ShapeInfo(Kind Return, Kind[] Parameters, MethodShape Shape, string Text);

    private static readonly ShapeInfo[] Shapes =
    {
        new(Kind.Scalar, new[] { Kind.Scalar }, MethodShape.Scalar, "T M(T x)"),
        new(Kind.Void, new[] { Kind.ReadOnlySpan, Kind.Span }, MethodShape.Span, "void M(ReadOnlySpan<T> x, Span<T> destination)"),
        new(Kind.Void, new[] { Kind.Span }, MethodShape.InPlace, "void M(Span<T> values)"),
        new(Kind.Void, new[] { Kind.ReadOnlySpan, Kind.ReadOnlySpan, Kind.Span }, MethodShape.Backward, "void M(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)"),
        new(Kind.Void, new[] { Kind.ReadOnlySpan, Kind.Span, Kind.Span }, MethodShape.Fused, "void M(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)"),
        new(Kind.Vector128, new[] { Kind.Vector128 }, MethodShape.Vector, "Vector128<T> M(Vector128<T> x)"),
        new(Kind.Vector256, new[] { Kind.Vector256 }, MethodShape.Vector, "Vector256<T> M(Vector256<T> x)"),
        new(Kind.Vector512, new[] { Kind.Vector512 }, MethodShape.Vector, "Vector512<T> M(Vector512<T> x)"),
    };

    public static Signature Parse(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        Signature Unsupported(SyntaxNodeOrToken where, string detail) =>
            new(MethodShape.Scalar, ElementType.Single, 0, DiagnosticDescriptors.UnsupportedSignature, where.GetLocation(), detail);

        var syntaxParameters = syntax.ParameterList.Parameters;
        if (method.IsVararg)
        {
            return Unsupported(syntaxParameters.LastOrDefault() ?? (SyntaxNode)syntax.ParameterList, "'__arglist' is not a parameter it can take");
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return Unsupported(syntax.ReturnType, $"it returns by '{(method.ReturnsByRef ? "ref" : "ref readonly")}'");
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None)
            {
                var modifier = syntaxParameters[i].Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword));
                var how = string.Join(" ", syntaxParameters[i].Modifiers.Where(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text));
                return Unsupported(modifier.IsKind(SyntaxKind.None) ? syntaxParameters[i] : modifier, $"parameter '{parameter.Name}' is passed by '{how}'");
            }
        }

        var returned = Classify(method.ReturnType);
        var parameters = method.Parameters.Select(p => Classify(p.Type)).ToArray();

        // A type that is no T, span of T or vector of T (with T float or double) anywhere.
        if (returned.Kind == Kind.Other || (returned.Kind != Kind.Void && returned.Element is null))
        {
            return Unsupported(syntax.ReturnType, $"the return type is '{Display(method.ReturnType)}'");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Kind is Kind.Other or Kind.Void || parameters[i].Element is null)
            {
                return Unsupported(TypeOf(syntaxParameters[i]), $"parameter '{method.Parameters[i].Name}' is '{Display(method.Parameters[i].Type)}'");
            }
        }

        if (Shapes.FirstOrDefault(s => s.Return == returned.Kind && s.Parameters.SequenceEqual(parameters.Select(p => p.Kind))) is { } shape)
        {
            return MatchElements(method, syntax, shape, returned, parameters);
        }

        // The kinds match no shape: compare with the shape the parameter count (and the parameters' kinds) point to.
        if (parameters.Length is 0 or > 3)
        {
            return Unsupported(syntax.ParameterList, parameters.Length == 0 ? "it has no parameter" : $"it has {parameters.Length} parameters, and every shape has 1 to 3");
        }

        var candidate = Candidate(parameters.Select(p => p.Kind).ToArray());
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Kind != candidate.Parameters[i])
            {
                return Unsupported(
                    TypeOf(syntaxParameters[i]),
                    $"parameter '{method.Parameters[i].Name}' is '{Display(method.Parameters[i].Type)}' where {candidate.Text} has {KindText(candidate.Parameters[i])}");
            }
        }

        return Unsupported(syntax.ReturnType, $"the return type is '{Display(method.ReturnType)}' where {candidate.Text} returns {KindText(candidate.Return)}");
    }

    /// <summary>The shape a parameter list of these kinds was most likely meant for.</summary>
    private static ShapeInfo Candidate(Kind[] parameters) => parameters.Length switch
    {
        1 => parameters[0] switch
        {
            Kind.Scalar => Shapes[0],
            Kind.Vector128 => Shapes[5],
            Kind.Vector256 => Shapes[6],
            Kind.Vector512 => Shapes[7],
            _ => Shapes[2],
        },
        2 => Shapes[1],
        _ => parameters[1] == Kind.ReadOnlySpan ? Shapes[3] : Shapes[4],
    };

    /// <summary>One element type throughout; the first parameter (or the return type) that differs from the first parameter is the mistake.</summary>
    private static Signature MatchElements(IMethodSymbol method, MethodDeclarationSyntax syntax, ShapeInfo shape, (Kind Kind, ElementType? Element) returned, (Kind Kind, ElementType? Element)[] parameters)
    {
        var element = parameters[0].Element!.Value;
        var bits = shape.Return switch { Kind.Vector128 => 128, Kind.Vector256 => 256, Kind.Vector512 => 512, _ => 0 };
        for (var i = 1; i < parameters.Length; i++)
        {
            if (parameters[i].Element != element)
            {
                return Mixed(TypeOf(syntax.ParameterList.Parameters[i]), $"parameter '{method.Parameters[i].Name}' is '{Display(method.Parameters[i].Type)}' and '{method.Parameters[0].Name}' is '{Display(method.Parameters[0].Type)}'");
            }
        }

        if (returned.Kind != Kind.Void && returned.Element != element)
        {
            return Mixed(syntax.ReturnType, $"the return type is '{Display(method.ReturnType)}' and '{method.Parameters[0].Name}' is '{Display(method.Parameters[0].Type)}'");
        }

        return new Signature(shape.Shape, element, bits, null, null, null);

        static Signature Mixed(SyntaxNode where, string detail) =>
            new(MethodShape.Scalar, ElementType.Single, 0, DiagnosticDescriptors.MixedElementTypes, where.GetLocation(), detail);
    }

    private static SyntaxNode TypeOf(ParameterSyntax parameter) => (SyntaxNode?)parameter.Type ?? parameter;

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string KindText(Kind kind) => kind switch
    {
        Kind.Void => "void",
        Kind.Scalar => "T",
        Kind.ReadOnlySpan => "ReadOnlySpan<T>",
        Kind.Span => "Span<T>",
        _ => kind + "<T>",
    };

    private static (Kind Kind, ElementType? Element) Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
                return (Kind.Void, null);
            case SpecialType.System_Single:
                return (Kind.Scalar, ElementType.Single);
            case SpecialType.System_Double:
                return (Kind.Scalar, ElementType.Double);
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return (Kind.Other, null);
        }

        var ns = named.ContainingNamespace?.ToDisplayString();
        var kind = (ns, named.MetadataName) switch
        {
            ("System", "ReadOnlySpan`1") => Kind.ReadOnlySpan,
            ("System", "Span`1") => Kind.Span,
            ("System.Runtime.Intrinsics", "Vector128`1") => Kind.Vector128,
            ("System.Runtime.Intrinsics", "Vector256`1") => Kind.Vector256,
            ("System.Runtime.Intrinsics", "Vector512`1") => Kind.Vector512,
            _ => Kind.Other,
        };
        var element = named.TypeArguments[0].SpecialType switch
        {
            SpecialType.System_Single => ElementType.Single,
            SpecialType.System_Double => (ElementType?)ElementType.Double,
            _ => null,
        };
        return (kind, element);
    }
}
