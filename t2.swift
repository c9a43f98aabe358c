import Dispatch
import Foundation
DispatchQueue.global().asyncAfter(deadline: .now() + 300) { print("x") }
while true { pause() }
