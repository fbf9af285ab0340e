/// Docs folders used by the end-to-end tests. The Python they contain stays
/// simple (print, arithmetic, functions, exceptions) so it runs on any
/// working runtime.
enum Fixtures {
  static let passingIndex = """
    ---
    title: Sample
    description: A passing sample site.
    ---
    # Sample

    Read the [guide](guide/usage.md#functions).

    ```pycon
    >>> 6 * 7
    42
    >>> print("a")
    a
    ```

    ```python
    def greet(name):
        return "Hello, " + name

    print(greet("weave"))
    ```

    ```output
    Hello, weave
    ```

    ```python hidden
    hidden_value = 5
    ```

    ```python skip
    this would not even parse (
    ```
    """

  static let passingGuide = """
    # Usage

    ![logo](../img/logo.svg)

    ## Functions

    ```pycon
    >>> greet("again")
    Traceback (most recent call last):
      ...
    NameError: name 'greet' is not defined
    >>> hidden_value
    Traceback (most recent call last):
    NameError: name 'hidden_value' is not defined
    ```

    ```python
    x = 1
    ```
    """

  static func passing(_ project: Project) {
    project.write("Doc/index.md", passingIndex)
    project.write("Doc/guide/usage.md", passingGuide)
    project.write("Doc/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
  }
}
