print("kinerjad")
