// ArgumentParser uses FoundationEssentials, which the static release build links into the binary.
// Importing it here makes this module's link entries name what that static library needs in turn
// (_FoundationCShims, _FoundationCollections); nothing here calls it.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#endif
