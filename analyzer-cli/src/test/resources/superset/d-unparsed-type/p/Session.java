package p;

// no lock word: the default scan does not parse this file
public class Session {
    int state;
}
