using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ActivationGen.CodeFixes;

/// <summary>The fix of one diagnostic: the code action's title and the edits it makes.</summary>
internal sealed class DeclarationFix(string title, ImmutableArray<DeclarationEdit> edits)
{
    public string Title { get; } = title;

    public ImmutableArray<DeclarationEdit> Edits { get; } = edits;
}

/// <summary>Finds the fix of one diagnostic in <paramref name="document"/>, or null when none is offered.</summary>
internal delegate Task<DeclarationFix?> FindFix(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

/// <summary>
/// What each of ActivationGen's code fix providers does with its <see cref="FindFix"/>: one kind of fix per provider
/// (one equivalence key, whatever the diagnostic), registered for a diagnostic, and a fix all that gathers the edits of
/// every diagnostic in its scope (document, project or solution) and applies them in one pass, each document's on its
/// one syntax root. The batch fixer would instead merge the text changes of separate fixes, dropping those that
/// overlap (two methods of one type both adding the type's <c>partial</c>), and would fix only the diagnostics whose
/// own action has the equivalence key of the first one; <c>dotnet format</c> runs one fix all per diagnostic id in a
/// single pass, so all the fixes of an id must be one kind.
/// </summary>
internal sealed class DeclarationFixer
{
    private readonly FindFix _findFix;

    /// <param name="equivalenceKey">The key of every code action of the provider, fix all included.</param>
    /// <param name="fixAllTitle">The title of the fix all action.</param>
    /// <param name="findFix">The fix of one diagnostic.</param>
    public DeclarationFixer(string equivalenceKey, string fixAllTitle, FindFix findFix)
    {
        EquivalenceKey = equivalenceKey;
        _findFix = findFix;
        FixAll = new FixAllEdits(this, fixAllTitle);
    }

    public string EquivalenceKey { get; }

    public FixAllProvider FixAll { get; }

    /// <summary>
    /// Registers the fix of the first diagnostic for every diagnostic of the context: they share its span (several ids
    /// on one name are one mistake to the user), and the providers report at most one diagnostic per span.
    /// </summary>
    public async Task RegisterAsync(CodeFixContext context)
    {
        if (context.Diagnostics.IsEmpty
            || await _findFix(context.Document, context.Diagnostics[0], context.CancellationToken).ConfigureAwait(false) is not { } fix)
        {
            return;
        }

        var solution = context.Document.Project.Solution;
        context.RegisterCodeFix(
            CodeAction.Create(fix.Title, ct => DeclarationEdit.ApplyAsync(solution, fix.Edits, ct), EquivalenceKey),
            context.Diagnostics);
    }

    /// <summary>The edits of every diagnostic in the scope of <paramref name="context"/> that has a fix.</summary>
    private async Task<List<DeclarationEdit>> EditsInScopeAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is { } document => new[] { document },
            FixAllScope.Project => context.Project.Documents,
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => Array.Empty<Document>(),
        };

        var edits = new List<DeclarationEdit>();
        foreach (var document in documents)
        {
            foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
            {
                if (await _findFix(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } fix)
                {
                    edits.AddRange(fix.Edits);
                }
            }
        }

        return edits;
    }

    /// <summary>Fix all in document, project or solution, for a fix all started from any action of the provider.</summary>
    private sealed class FixAllEdits(DeclarationFixer fixer, string title) : FixAllProvider
    {
        public override Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            // dotnet format passes no key when the first diagnostic it meets has no fix (an attribute on a local function).
            if (context.CodeActionEquivalenceKey is { } key && key != fixer.EquivalenceKey)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            return Task.FromResult<CodeAction?>(CodeAction.Create(
                title,
                async ct => await DeclarationEdit.ApplyAsync(context.Solution, await fixer.EditsInScopeAsync(context, ct).ConfigureAwait(false), ct).ConfigureAwait(false),
                fixer.EquivalenceKey));
        }
    }
}
