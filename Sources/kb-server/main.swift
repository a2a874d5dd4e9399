import Hummingbird

print("srv")
