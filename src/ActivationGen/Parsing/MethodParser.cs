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
        AttributeSource.EluAttribute,
        AttributeSource.LeakyReluAttribute,
        AttributeSource.SeluAttribute,
        AttributeSource.CeluAttribute,
        AttributeSource.GeluAttribute,
        AttributeSource.SiluAttribute,
        AttributeSource.MishAttribute,
        AttributeSource.TanhAttribute,
        AttributeSource.SoftsignAttribute,
        AttributeSource.LogSigmoidAttribute,
        AttributeSource.HardSigmoidAttribute,
        AttributeSource.HardSwishAttribute,
        AttributeSource.HardTanhAttribute);

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

        // Only the attributes written on this declaration: a partial method's two parts share one attribute list,
        // and the part that carries the activation attribute is the one to judge and to report on.
        var activations = method.GetAttributes().Where(a => IsActivationAttribute(a) && IsAppliedTo(a, syntax)).ToList();
        if (activations.Count == 0)
        {
            return null;
        }

        if (IsRejectedByCompiler(method, syntax, activations, compilation, cancellationToken))
        {
            return null;
        }

        if (activations.Count > 1)
        {
            Report(DiagnosticDescriptors.MultipleActivations, methodLocation, methodName, string.Join(", ", activations.Select(a => "[" + ShortName(a) + "]")));
        }

        var containingTypes = ParseContainingTypes(syntax, methodLocation, methodName, Report);

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(DiagnosticDescriptors.NotPartial, methodLocation, methodName, "the method");
        }
        else if (syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            Report(DiagnosticDescriptors.HasBody, methodLocation, methodName, "its body");
        }
        else if (syntax.Modifiers.Any(SyntaxKind.ExternKeyword))
        {
            Report(DiagnosticDescriptors.HasBody, methodLocation, methodName, "'extern'");
        }
        else if (HasForeignImplementation(method, generatedImplementationIsOurs))
        {
            Report(DiagnosticDescriptors.HasBody, methodLocation, methodName, "the other partial declaration, the one with a body");
        }

        if (method.TypeParameters.Length > 0)
        {
            Report(DiagnosticDescriptors.GenericMethod, methodLocation, methodName);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var signature = SignatureParser.Parse(method);
        if (signature.Error is { } signatureError)
        {
            Report(signatureError, methodLocation, methodName);
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
            syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
            HintNameMayCollide(method));
    }

    /// <summary>
    /// Another method of the type whose name differs only in case, or a namespace that spells the same dotted name as
    /// the outermost containing type: their readable file names would collide (hint names ignore case).
    /// </summary>
    private static bool HintNameMayCollide(IMethodSymbol method)
    {
        var caseTwin = method.ContainingType.GetMembers()
            .Any(m => m is IMethodSymbol && m.Name != method.Name && string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase));
        var outermost = method.ContainingType;
        while (outermost.ContainingType is { } outer)
        {
            outermost = outer;
        }

        var namespaceTwin = outermost.ContainingNamespace.GetNamespaceMembers()
            .Any(n => string.Equals(n.Name, outermost.Name, StringComparison.OrdinalIgnoreCase));
        return caseTwin || namespaceTwin;
    }

    public static bool IsActivationAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && AttributeMetadataNames.Contains(type.ToDisplayString());

    /// <summary>The modifiers a partial method definition may have (<c>extern</c> is reported as an implementation).</summary>
    private static readonly ImmutableHashSet<SyntaxKind> AllowedModifiers = ImmutableHashSet.Create(
        SyntaxKind.PublicKeyword,
        SyntaxKind.InternalKeyword,
        SyntaxKind.ProtectedKeyword,
        SyntaxKind.PrivateKeyword,
        SyntaxKind.StaticKeyword,
        SyntaxKind.ReadOnlyKeyword,
        SyntaxKind.UnsafeKeyword,
        SyntaxKind.NewKeyword,
        SyntaxKind.VirtualKeyword,
        SyntaxKind.OverrideKeyword,
        SyntaxKind.SealedKeyword,
        SyntaxKind.ExternKeyword,
        SyntaxKind.PartialKeyword);

    /// <summary>The attribute's name as the user writes it: <c>Relu</c> for <c>ReluAttribute</c>.</summary>
    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass!.Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static bool IsAppliedTo(AttributeData attribute, MethodDeclarationSyntax syntax) =>
        attribute.ApplicationSyntaxReference is { } reference
        && reference.SyntaxTree == syntax.SyntaxTree
        && syntax.Span.Contains(reference.Span);

    /// <summary>
    /// Whether an argument of the attribute does not bind. <see cref="AttributeData"/> does not say: an unknown name
    /// is dropped and <c>Count = 1.5</c> reads as 1, so ask the compiler about the arguments' text.
    /// </summary>
    private static bool HasBindingErrors(AttributeData attribute, Compilation compilation, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { Arguments.Count: > 0 } arguments } syntax
        && compilation.GetSemanticModel(syntax.SyntaxTree).GetDiagnostics(arguments.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

    private static bool HasErrorType(IMethodSymbol method) =>
        IsError(method.ReturnType) || method.Parameters.Any(p => IsError(p.Type));

    private static bool IsError(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Error
        || (type is INamedTypeSymbol named && named.TypeArguments.Any(IsError));

    /// <summary>
    /// Declarations the compiler rejects by itself, and would reject again in the generated part: for these the
    /// compiler's error is the one to show, and nothing is generated.
    /// </summary>
    private static bool IsRejectedByCompiler(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        List<AttributeData> activations,
        Compilation compilation,
        CancellationToken cancellationToken) =>
        syntax.Modifiers.Any(m => !AllowedModifiers.Contains(m.Kind())) // abstract, async, ...
        || (syntax.Modifiers.Any(SyntaxKind.UnsafeKeyword) && compilation.Options is CSharpCompilationOptions { AllowUnsafe: false })
        || syntax.ExplicitInterfaceSpecifier is not null
        || NeedsAccessibility(method, syntax)
        || (method.ContainingType is { IsStatic: true } && !method.IsStatic)
        || IsMisplacedExtension(method, syntax)
        || method.Parameters.Select(p => p.Name).Distinct().Count() != method.Parameters.Length
        || HasDuplicate(method)
        || activations.Any(a => HasBindingErrors(a, compilation, cancellationToken))
        || HasErrorType(method);

    /// <summary>A partial method that returns a value or is virtual, override, sealed or new needs an accessibility.</summary>
    private static bool NeedsAccessibility(IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && !syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword))
        && (!method.ReturnsVoid || syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.OverrideKeyword) || m.IsKind(SyntaxKind.SealedKeyword) || m.IsKind(SyntaxKind.NewKeyword)));

    /// <summary>A <c>this</c> parameter outside a static method of a top-level, non-generic static class.</summary>
    private static bool IsMisplacedExtension(IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        syntax.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(SyntaxKind.ThisKeyword) == true
        && !(method.IsStatic && method.ContainingType is { IsStatic: true, IsGenericType: false, ContainingType: null });

    /// <summary>Another method of the type with the same name and parameters (the compiler reports it).</summary>
    private static bool HasDuplicate(IMethodSymbol method) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
            !SymbolEqualityComparer.Default.Equals(other, method.PartialDefinitionPart ?? method)
            && other.TypeParameters.Length == method.TypeParameters.Length
            && other.Parameters.Length == method.Parameters.Length
            && other.Parameters.Zip(method.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same));

    /// <summary>Whether the compilation references a runtime with the SIMD APIs the generated code uses (.NET 9+).</summary>
    public static bool SupportsTargetFramework(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512`1") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector128") is { } vector128
        && !vector128.GetMembers("FusedMultiplyAdd").IsEmpty;

    /// <summary>The containing types, outermost first; every problem is reported on the method's identifier.</summary>
    private static List<ContainingType>? ParseContainingTypes(
        MethodDeclarationSyntax syntax,
        Location methodLocation,
        string methodName,
        Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var types = new List<ContainingType>();
        var ok = true;
        for (var node = syntax.Parent; node is not null and not BaseNamespaceDeclarationSyntax and not CompilationUnitSyntax; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax type || node is InterfaceDeclarationSyntax || type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                var what = node switch
                {
                    InterfaceDeclarationSyntax i => "interface '" + i.Identifier.ValueText + "'",
                    TypeDeclarationSyntax t => "file-local type '" + t.Identifier.ValueText + "'",
                    _ => "an unsupported declaration",
                };
                report(DiagnosticDescriptors.UnsupportedContainingType, methodLocation, new object?[] { methodName, what });
                ok = false;
                continue;
            }

            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                report(DiagnosticDescriptors.NotPartial, methodLocation, new object?[] { methodName, "type '" + type.Identifier.ValueText + "'" });
                ok = false;
            }

            types.Insert(0, new ContainingType(TypeKeyword(type), type.Identifier.Text + TypeParameters(type)));
        }

        return ok ? types : null;
    }

    /// <summary>
    /// The keyword after <c>partial</c> in the generated part. Modifiers such as <c>ref</c>, <c>readonly</c> or
    /// <c>static</c> need not be repeated on every part of a partial type, so none is.
    /// </summary>
    private static string TypeKeyword(TypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        _ => "class",
    };

    /// <summary><c>&lt;T, U&gt;</c>: the names only (attributes on type parameters must not be repeated).</summary>
    private static string TypeParameters(TypeDeclarationSyntax type) =>
        type.TypeParameterList is { } list
            ? "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.Text)) + ">"
            : string.Empty;

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
