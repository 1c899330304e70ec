fn main() {
    nhs_booking::start();
}
