using System.Linq;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Parsing;

/// <summary>Selects the method shape from the return type and the parameter types, in order.</summary>
internal static class SignatureParser
{
    /// <summary>The result: a shape and element type, or the diagnostic that says why there is none.</summary>
    internal readonly record struct Signature(MethodShape Shape, ElementType Element, int VectorBits, DiagnosticDescriptor? Error);

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

    private static readonly (Kind Return, Kind[] Parameters, MethodShape Shape)[] Shapes =
    {
        (Kind.Scalar, new[] { Kind.Scalar }, MethodShape.Scalar),
        (Kind.Void, new[] { Kind.ReadOnlySpan, Kind.Span }, MethodShape.Span),
        (Kind.Void, new[] { Kind.Span }, MethodShape.InPlace),
        (Kind.Void, new[] { Kind.ReadOnlySpan, Kind.ReadOnlySpan, Kind.Span }, MethodShape.Backward),
        (Kind.Void, new[] { Kind.ReadOnlySpan, Kind.Span, Kind.Span }, MethodShape.Fused),
        (Kind.Vector128, new[] { Kind.Vector128 }, MethodShape.Vector),
        (Kind.Vector256, new[] { Kind.Vector256 }, MethodShape.Vector),
        (Kind.Vector512, new[] { Kind.Vector512 }, MethodShape.Vector),
    };

    public static Signature Parse(IMethodSymbol method)
    {
        var unsupported = new Signature(MethodShape.Scalar, ElementType.Single, 0, DiagnosticDescriptors.UnsupportedSignature);
        if (method.IsVararg || method.ReturnsByRef || method.ReturnsByRefReadonly || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return unsupported;
        }

        var returned = Classify(method.ReturnType);
        var parameters = method.Parameters.Select(p => Classify(p.Type)).ToArray();
        foreach (var (ret, kinds, shape) in Shapes)
        {
            if (ret != returned.Kind || !kinds.SequenceEqual(parameters.Select(p => p.Kind)))
            {
                continue;
            }

            var elements = parameters.Select(p => p.Element).ToList();
            if (ret != Kind.Void)
            {
                elements.Add(returned.Element);
            }

            if (elements.Any(e => e is null))
            {
                return unsupported;
            }

            if (elements.Distinct().Count() > 1)
            {
                return unsupported with { Error = DiagnosticDescriptors.MixedElementTypes };
            }

            var bits = ret switch { Kind.Vector128 => 128, Kind.Vector256 => 256, Kind.Vector512 => 512, _ => 0 };
            return new Signature(shape, elements[0]!.Value, bits, null);
        }

        return unsupported;
    }

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
