using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.CodeFixes;

/// <summary>
/// A change to one node of a document, found from a diagnostic: the node is replaced by what a function makes of its
/// current form, or (a member declaration) removed. Edits are applied together, each document's on its one syntax
/// root, so that the fix of one diagnostic and the fix of all of them in a scope are the same code.
/// </summary>
internal sealed class DeclarationEdit
{
    private readonly Func<SyntaxNode, SyntaxNode>? _replace;

    private DeclarationEdit(DocumentId documentId, SyntaxNode node, Func<SyntaxNode, SyntaxNode>? replace)
    {
        DocumentId = documentId;
        Span = node.Span;
        Kind = node.RawKind;
        _replace = replace;
    }

    public DocumentId DocumentId { get; }

    /// <summary>The node's span and kind, which find it again in the document's root, whichever instance that is.</summary>
    private TextSpan Span { get; }

    private int Kind { get; }

    /// <summary>Replaces <paramref name="node"/> with what <paramref name="replace"/> makes of it once the edits applied before it are in.</summary>
    public static DeclarationEdit Replace<TNode>(Document document, TNode node, Func<TNode, SyntaxNode> replace)
        where TNode : SyntaxNode =>
        new(document.Id, node, current => replace((TNode)current));

    /// <summary>Removes <paramref name="member"/> with its leading trivia (<see cref="SyntaxEdits.RemoveMember"/>).</summary>
    public static DeclarationEdit Remove(Document document, MemberDeclarationSyntax member) => new(document.Id, member, null);

    /// <summary>
    /// Applies every edit to <paramref name="solution"/>, one syntax root per document: replacements first (a node and
    /// a node inside it both edited compose, because each function sees the current form of its node), then removals.
    /// Edits of the same node (two methods of one type both asking for the type's <c>partial</c>) are applied once.
    /// </summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<DeclarationEdit> edits, CancellationToken cancellationToken)
    {
        foreach (var byDocument in edits.GroupBy(e => e.DocumentId))
        {
            var document = solution.GetDocument(byDocument.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            var targets = byDocument
                .GroupBy(e => (e.Span, e.Kind))
                .Select(same => (Edit: same.First(), Node: same.First().Find(root)))
                .Where(t => t.Node is not null)
                .ToImmutableArray();
            root = root.TrackNodes(targets.Select(t => t.Node!));
            foreach (var (edit, node) in targets.Where(t => t.Edit._replace is not null))
            {
                var current = root.GetCurrentNode(node!)!;
                root = root.ReplaceNode(current, edit._replace!(current));
            }

            foreach (var (_, node) in targets.Where(t => t.Edit._replace is null))
            {
                root = SyntaxEdits.RemoveMember(root, (MemberDeclarationSyntax)root.GetCurrentNode(node!)!);
            }

            solution = solution.WithDocumentSyntaxRoot(byDocument.Key, root);
        }

        return solution;
    }

    private SyntaxNode? Find(SyntaxNode root) =>
        root.FullSpan.Contains(Span)
            ? root.FindNode(Span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n.Span == Span && n.RawKind == Kind)
            : null;
}
