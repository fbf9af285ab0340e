// Python identifiers are compared after NFKC normalization (PEP 3131): `ﬁ`
// and `fi` are the same name. Only non-ASCII identifiers get here.

import Foundation

func normalizeIdentifier(_ name: String) -> String {
  name.precomposedStringWithCompatibilityMapping
}
