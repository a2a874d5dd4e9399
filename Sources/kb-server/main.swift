import Hummingbird
print("srv")
