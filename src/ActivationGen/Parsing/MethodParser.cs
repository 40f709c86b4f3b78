using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ActivationGen.Diagnostics;
using ActivationGen.Kernels;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.Parsing;

/// <summary>
/// Turns an annotated method into what the generator writes for it (the kernel, a body that throws, or nothing) and
/// the diagnostics that say why, one per mistake. The generator and the analyzer both call it, so they agree.
/// </summary>
internal static class MethodParser
{
    /// <summary>The attribute metadata names, one per activation of the catalog, and [Activation]'s.</summary>
    public static readonly ImmutableArray<string> AttributeMetadataNames = Activations.All
        .Select(a => a.AttributeMetadataName)
        .Append(Custom.DefinitionParser.AttributeMetadataName)
        .ToImmutableArray();

    /// <summary>
    /// Compiler errors of the user's declaration that a generated part built from the symbol does not repeat: the
    /// missing implementation (which the part supplies), a partial method in a non-partial type (the part makes the
    /// type partial; the compiler then says CS0260 at the user's type), a misplaced or repeated modifier that the
    /// symbol drops (CS0106, CS0112, CS1004), a <c>params</c> that is not last (CS0231; the part is not params), and
    /// an implementation without a definition (CS0759; the part is the definition).
    /// </summary>
    private static readonly ImmutableHashSet<string> ErrorsTheImplementationDoesNotRepeat =
        ImmutableHashSet.Create("CS8795", "CS0751", "CS0106", "CS0112", "CS1004", "CS0231", "CS0759");

    /// <summary>Parses <paramref name="method"/>, declared by <paramref name="syntax"/>.</summary>
    /// <param name="trigger">
    /// The attributes that made the generator's pipeline of one attribute name call this; the method is parsed only by the
    /// pipeline of its first activation attribute, so a method with two gets one result. Default: parse regardless.
    /// </param>
    /// <param name="generatedImplementationIsOurs">
    /// True when a partial implementation already present in the compilation may be ActivationGen's own output
    /// (the analyzer sees generated files; the generator does not).
    /// </param>
    public static ParseResult Parse(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        SemanticModel semanticModel,
        ImmutableArray<AttributeData> trigger,
        bool generatedImplementationIsOurs,
        CancellationToken cancellationToken)
    {
        // Only the attributes written on this declaration: a partial method's two parts share one attribute list,
        // and the part that carries the activation attribute is the one to judge and to report on.
        var activations = method.GetAttributes()
            .Where(a => IsActivationAttribute(a) && IsAppliedTo(a, syntax))
            .OrderBy(a => a.ApplicationSyntaxReference!.Span.Start)
            .ToList();
        if (activations.Count == 0 || (!trigger.IsDefault && !trigger.Any(t => t.ApplicationSyntaxReference?.Span == activations[0].ApplicationSyntaxReference!.Span)))
        {
            return ParseResult.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

        var name = syntax.Identifier.ValueText;
        var nameLocation = syntax.Identifier.GetLocation();

        if (CannotImplement(method, syntax) is { } cannot)
        {
            Report(DiagnosticDescriptors.CannotImplement, cannot.Location, name, cannot.What, cannot.Advice);
            return new ParseResult(null, null, diagnostics.ToEquatableArray());
        }

        var implementable = CheckPlacement(method, syntax, nameLocation, Report, cancellationToken, out var notPartial, out var unsupportedType);
        var definitionOnly = false;
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            implementable = false;
            if (!unsupportedType)
            {
                notPartial.Insert(0, "the method");
            }
        }

        if (notPartial.Count > 0)
        {
            Report(DiagnosticDescriptors.NotPartial, nameLocation, name, JoinList(notPartial));
        }
        else if (ExistingImplementation(method, syntax, generatedImplementationIsOurs) is { } existing)
        {
            Report(DiagnosticDescriptors.HasBody, nameLocation, name, existing);

            // A body (or 'extern') with no defining declaration: the generated part can be that declaration, so that
            // the compiler does not add CS0759 ("no defining declaration") to ActivationGen's error.
            definitionOnly = method.PartialDefinitionPart is null && !method.IsPartialDefinition && !existing.StartsWith("the other", StringComparison.Ordinal);
            implementable &= definitionOnly;
        }

        if (syntax.TypeParameterList is { } typeParameters)
        {
            Report(DiagnosticDescriptors.GenericMethod, typeParameters.GetLocation(), name);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // The signature of a generic method, or one with types that do not resolve, is not ours to judge.
        SignatureParser.Signature? signature = null;
        if (syntax.TypeParameterList is null && !HasErrorType(method))
        {
            signature = SignatureParser.Parse(method, syntax);
            if (signature.Value.Error is { } error)
            {
                Report(error, signature.Value.ErrorLocation!, name, signature.Value.Detail);
                signature = null;
            }
        }

        ActivationSpec? spec = null;
        if (activations.Count > 1)
        {
            Report(
                DiagnosticDescriptors.MultipleActivations,
                activations[1].ApplicationSyntaxReference!.GetSyntax(cancellationToken).GetLocation(),
                name,
                string.Join(", ", activations.Select(a => "[" + ShortName(a) + "]")));
        }
        else if (!HasBindingErrors(activations[0], semanticModel, cancellationToken))
        {
            // An argument that does not bind is the compiler's error; the method still gets a body that throws.
            spec = activations[0].AttributeClass!.ToDisplayString() == Custom.DefinitionParser.AttributeMetadataName
                ? Custom.DefinitionParser.Parse(activations[0], method, signature?.Shape, signature?.Element, name, nameLocation, semanticModel.Compilation, Report, cancellationToken)
                : AttributeArgumentsParser.Parse(activations[0], signature?.Shape, name, nameLocation, Report);
        }

        var languageVersion = ((CSharpParseOptions)syntax.SyntaxTree.Options).LanguageVersion;
        if (TargetSupport.Problem(semanticModel.Compilation, languageVersion) is { } problem)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetFramework, nameLocation, name, problem);
        }

        // A generated part needs C# 9 (partial methods with accessibility or a result), and must not repeat an error of
        // the user's declaration: where it would, the compiler's error is the one to show, and nothing is generated.
        implementable = implementable
            && languageVersion >= TargetSupport.ExtendedPartialMethods
            && !HasErrorType(method)
            && !IsMisplacedExtension(method, syntax)
            && !HasDeclarationErrors(syntax, semanticModel, cancellationToken);

        // In a type that cannot have a generated part, moving the method is the one fix: only that error is reported.
        var result = (unsupportedType ? diagnostics.Where(d => d.Id == DiagnosticDescriptors.UnsupportedContainingType.Id) : diagnostics)
            .Distinct()
            .ToEquatableArray();
        if (!implementable)
        {
            return new ParseResult(null, null, result);
        }

        var declaration = DeclarationBuilder.Build(method, syntax, semanticModel);
        var errorIds = result.Select(d => d.Id).Where(id => DiagnosticDescriptors.ById(id).DefaultSeverity == DiagnosticSeverity.Error).Distinct().ToList();
        if (errorIds.Count == 0 && spec is not null && signature is { } valid)
        {
            return new ParseResult(new MethodModel(declaration, valid.Shape, valid.Element, valid.VectorBits, spec), null, result);
        }

        var errors = errorIds.Count > 0
            ? "error " + string.Join(", ", errorIds)
            : "the compiler's errors on its attribute";
        return new ParseResult(null, new StubModel(declaration, errors, definitionOnly), result);
    }

    public static bool IsActivationAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && AttributeMetadataNames.Contains(type.ToDisplayString());

    /// <summary>An abstract method or an explicit interface implementation: no partial method can be made of it.</summary>
    private static (Location Location, string What, string Advice)? CannotImplement(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (syntax.ExplicitInterfaceSpecifier is { } specifier)
        {
            return (specifier.GetLocation(), "is an explicit interface implementation", "declare a partial method with the attribute and call it from the implementation");
        }

        if (method.IsAbstract && method.ContainingType.TypeKind != TypeKind.Interface)
        {
            var modifier = syntax.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AbstractKeyword));
            return (
                modifier.IsKind(SyntaxKind.None) ? syntax.Identifier.GetLocation() : modifier.GetLocation(),
                "is abstract",
                "put the attribute on a partial method of a derived type and call it from the override");
        }

        return null;
    }

    /// <summary>
    /// Checks the types that contain the method. Reports an interface, a file-local type or an extension block
    /// (AGEN0012; then nothing else about the types) and collects the types that are not partial. Returns whether a
    /// generated part can be declared in them.
    /// </summary>
    private static bool CheckPlacement(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        Location nameLocation,
        Action<DiagnosticDescriptor, Location, object?[]> report,
        CancellationToken cancellationToken,
        out List<string> notPartial,
        out bool unsupportedType)
    {
        notPartial = new List<string>();
        string? unsupported = null;
        var implementable = true;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
            {
                // A C# 14 extension block (a kind of type that compilers newer than the one this generator is built
                // against know): the generated part cannot be declared in it.
                unsupported ??= "an extension block";
                implementable = false;
                continue;
            }

            if (type.IsFileLocal)
            {
                unsupported ??= "file-local type '" + type.Name + "'";
                implementable = false;
            }
            else if (type.TypeKind == TypeKind.Interface)
            {
                unsupported ??= "interface '" + type.Name + "'";
            }

            var declaration = type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault(t => t.SyntaxTree == syntax.SyntaxTree && t.Span.Contains(syntax.Span));
            if (declaration is not null && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                notPartial.Add("type '" + type.Name + "'");
            }
        }

        unsupportedType = unsupported is not null;
        if (unsupported is not null)
        {
            // One mistake, one error: moving the method elsewhere is the fix, whatever else the type lacks.
            report(DiagnosticDescriptors.UnsupportedContainingType, nameLocation, new object?[] { syntax.Identifier.ValueText, unsupported });
            notPartial.Clear();
        }

        return implementable;
    }

    /// <summary>What implements the method already, for AGEN0002's message, or null.</summary>
    private static string? ExistingImplementation(IMethodSymbol method, MethodDeclarationSyntax syntax, bool generatedImplementationIsOurs)
    {
        if (syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            return "its body";
        }

        if (syntax.Modifiers.Any(SyntaxKind.ExternKeyword))
        {
            return "'extern'";
        }

        return HasForeignImplementation(method, generatedImplementationIsOurs) ? "the other partial declaration, the one with a body" : null;
    }

    /// <summary>The attribute's name as the user writes it: <c>Relu</c> for <c>ReluAttribute</c>.</summary>
    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass!.Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static string JoinList(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    private static bool IsAppliedTo(AttributeData attribute, MethodDeclarationSyntax syntax) =>
        attribute.ApplicationSyntaxReference is { } reference
        && reference.SyntaxTree == syntax.SyntaxTree
        && syntax.Span.Contains(reference.Span);

    /// <summary>
    /// Whether an argument of the attribute does not bind. <see cref="AttributeData"/> does not say: an unknown name
    /// is dropped and <c>Count = 1.5</c> reads as 1, so ask the compiler about the arguments' text.
    /// </summary>
    private static bool HasBindingErrors(AttributeData attribute, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { Arguments.Count: > 0 } arguments }
        && semanticModel.GetDiagnostics(arguments.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Whether the compiler reports an error in the user's declaration (modifiers to constraints, not the attributes)
    /// that a generated part would repeat.
    /// </summary>
    private static bool HasDeclarationErrors(MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var start = syntax.Modifiers.Count > 0 ? syntax.Modifiers[0].SpanStart : syntax.ReturnType.SpanStart;
        var end = syntax.ConstraintClauses.Count > 0 ? syntax.ConstraintClauses.Last().Span.End : syntax.ParameterList.Span.End;
        return semanticModel.GetDiagnostics(TextSpan.FromBounds(start, end), cancellationToken)
            .Any(d => d.Severity == DiagnosticSeverity.Error && !ErrorsTheImplementationDoesNotRepeat.Contains(d.Id));
    }

    private static bool HasErrorType(IMethodSymbol method) =>
        IsError(method.ReturnType) || method.Parameters.Any(p => IsError(p.Type));

    private static bool IsError(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Error
        || (type is INamedTypeSymbol named && named.TypeArguments.Any(IsError))
        || (type is IArrayTypeSymbol array && IsError(array.ElementType));

    /// <summary>A <c>this</c> parameter outside a static method of a top-level, non-generic static class (the compiler reports it at the class).</summary>
    private static bool IsMisplacedExtension(IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        syntax.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(SyntaxKind.ThisKeyword) == true
        && !(method.IsStatic && method.ContainingType is { IsStatic: true, IsGenericType: false, ContainingType: null });

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
}
