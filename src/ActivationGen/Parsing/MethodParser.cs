using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ActivationGen.Attributes;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Parsing;

/// <summary>
/// Turns an annotated method into a <see cref="MethodModel"/>, or reports why it cannot be generated.
/// The analyzer calls it with a reporter; the generator calls it without one and skips methods that return null.
/// </summary>
internal static class MethodParser
{
    /// <summary>The attribute metadata names, in the order of <see cref="ActivationKind"/>.</summary>
    public static readonly ImmutableArray<string> AttributeMetadataNames = ImmutableArray.Create(
        AttributeSource.SigmoidAttribute,
        AttributeSource.SigmoidSumAttribute,
        AttributeSource.SoftplusAttribute,
        AttributeSource.ReluAttribute,
        AttributeSource.EluAttribute);

    /// <summary>Parses <paramref name="method"/>, declared by <paramref name="syntax"/>.</summary>
    /// <param name="generatedImplementationIsOurs">
    /// True when a partial implementation already present in the compilation may be ActivationGen's own output
    /// (the analyzer sees generated files; the generator does not).
    /// </param>
    public static MethodModel? Parse(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        Compilation compilation,
        bool generatedImplementationIsOurs,
        Action<Diagnostic>? report,
        CancellationToken cancellationToken)
    {
        var valid = true;
        void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args)
        {
            valid = false;
            report?.Invoke(Diagnostic.Create(descriptor, location, args));
        }

        var methodLocation = syntax.Identifier.GetLocation();
        var methodName = method.Name;

        var activations = method.GetAttributes().Where(IsActivationAttribute).ToList();
        if (activations.Count == 0)
        {
            return null;
        }

        if (activations.Count > 1)
        {
            Report(DiagnosticDescriptors.MultipleActivations, methodLocation, methodName, string.Join(", ", activations.Select(a => a.AttributeClass!.Name)));
        }

        var containingTypes = ParseContainingTypes(syntax, methodName, Report);

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(DiagnosticDescriptors.NotPartial, methodLocation, methodName, "the method");
        }
        else if (syntax.Body is not null || syntax.ExpressionBody is not null || syntax.Modifiers.Any(SyntaxKind.ExternKeyword)
                 || HasForeignImplementation(method, generatedImplementationIsOurs))
        {
            Report(DiagnosticDescriptors.HasBody, methodLocation, methodName);
        }

        if (method.TypeParameters.Length > 0)
        {
            Report(DiagnosticDescriptors.GenericMethod, methodLocation, methodName);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var signature = SignatureParser.Parse(method);
        if (signature.Error is { } signatureError)
        {
            Report(signatureError, syntax.ParameterList.GetLocation(), methodName);
        }

        if (!SupportsTargetFramework(compilation))
        {
            Report(DiagnosticDescriptors.UnsupportedTargetFramework, methodLocation, methodName);
        }

        var spec = activations.Count == 1 ? AttributeArgumentsParser.Parse(activations[0], signature.Shape, methodLocation, Report) : null;

        if (!valid || spec is null || containingTypes is null)
        {
            return null;
        }

        var parameters = syntax.ParameterList.Parameters
            .Select(p => new ParameterModel(
                string.Concat(p.Modifiers.Select(m => m.Text + " ")),
                EscapeIdentifier(p.Identifier.ValueText)))
            .ToEquatableArray();

        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new MethodModel(
            ns,
            containingTypes.ToEquatableArray(),
            string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
            EscapeIdentifier(method.Name),
            signature.Shape,
            signature.Element,
            signature.VectorBits,
            parameters,
            spec,
            syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)));
    }

    public static bool IsActivationAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && AttributeMetadataNames.Contains(type.ToDisplayString());

    /// <summary>Whether the compilation references a runtime with the SIMD APIs the generated code uses (.NET 9+).</summary>
    public static bool SupportsTargetFramework(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512`1") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector128") is { } vector128
        && !vector128.GetMembers("FusedMultiplyAdd").IsEmpty;

    private static List<ContainingType>? ParseContainingTypes(
        MethodDeclarationSyntax syntax,
        string methodName,
        Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var types = new List<ContainingType>();
        var ok = true;
        for (var node = syntax.Parent; node is not null and not BaseNamespaceDeclarationSyntax and not CompilationUnitSyntax; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax type || node is InterfaceDeclarationSyntax)
            {
                var what = node is InterfaceDeclarationSyntax i ? "interface '" + i.Identifier.ValueText + "'" : "an unsupported declaration";
                report(DiagnosticDescriptors.UnsupportedContainingType, syntax.Identifier.GetLocation(), new object?[] { methodName, what });
                ok = false;
                continue;
            }

            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                report(DiagnosticDescriptors.NotPartial, type.Identifier.GetLocation(), new object?[] { methodName, "type '" + type.Identifier.ValueText + "'" });
                ok = false;
            }

            types.Insert(0, new ContainingType(TypeKeyword(type), type.Identifier.Text + (type.TypeParameterList?.ToString() ?? string.Empty)));
        }

        return ok ? types : null;
    }

    private static string TypeKeyword(TypeDeclarationSyntax type)
    {
        var prefix = type.Modifiers.Any(SyntaxKind.RefKeyword) ? "ref " : string.Empty;
        return type switch
        {
            RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => prefix + "struct",
            _ => "class",
        };
    }

    /// <summary>A partial implementation that someone other than ActivationGen wrote.</summary>
    private static bool HasForeignImplementation(IMethodSymbol method, bool generatedImplementationIsOurs)
    {
        if (method.PartialImplementationPart is not { } implementation)
        {
            return false;
        }

        if (!generatedImplementationIsOurs)
        {
            return true;
        }

        var path = implementation.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? string.Empty;
        return !path.Contains(typeof(ActivationGenerator).FullName!);
    }

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
