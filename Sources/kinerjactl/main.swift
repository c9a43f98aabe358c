print("kinerjactl")
