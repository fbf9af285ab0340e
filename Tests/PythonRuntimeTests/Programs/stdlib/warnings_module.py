import warnings, sys
sys.stderr = sys.stdout
def old(): warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
warnings.warn("plain warning")
warnings.warn("custom", RuntimeWarning)
for i in range(3): warnings.warn("in loop")
old()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    warnings.warn("second", FutureWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[1].category is FutureWarning)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try: warnings.warn("as error")
    except UserWarning as e: print("raised", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
warnings.warn("after ctx")
warnings.filterwarnings("ignore", message="skip")
warnings.warn("skip me"); warnings.warn("show me")
def f(): warnings.warn("from f", stacklevel=1)
f()
print(warnings.formatwarning("m", UserWarning, "file.py", 10))
